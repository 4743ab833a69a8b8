using SecondOpinionBot.TeamsPackage;
using StbImageSharp;

namespace SecondOpinionBot.TeamsPackage.Tests;

public sealed class TeamsIconTests
{
    private static ImageResult Decode(string name)
        => ImageResult.FromMemory(File.ReadAllBytes(Path.Combine(RepositoryFolders.Manifest, name)), ColorComponents.RedGreenBlueAlpha);

    [Fact]
    public void TheColorIconIsA192PixelSquarePng()
    {
        var image = Decode("color.png");

        Assert.Equal((192, 192), (image.Width, image.Height));
    }

    [Fact]
    public void TheOutlineIconIs32PixelsOfWhiteOnTransparentOnly()
    {
        var image = Decode("outline.png");

        Assert.Equal((32, 32), (image.Width, image.Height));
        var pixels = image.Data.Chunk(4).ToList();
        Assert.All(pixels, pixel => Assert.True(
            pixel is [0xFF, 0xFF, 0xFF, 0xFF] || pixel[3] == 0,
            $"pixel {Convert.ToHexString(pixel)} is neither white nor transparent"));
        Assert.Contains(pixels, pixel => pixel[3] == 0xFF);
        Assert.Contains(pixels, pixel => pixel[3] == 0);
    }

    [Fact]
    public void TheCommittedIconsAreExactlyWhatTheProjectDraws()
    {
        Assert.Equal(IconPainter.DrawColorPixels(), Decode("color.png").Data);
        Assert.Equal(IconPainter.DrawOutlinePixels(), Decode("outline.png").Data);
    }

    [Fact]
    public void ThePngWriterOutputReadsBackInAnIndependentDecoder()
    {
        var rgba = new byte[3 * 2 * 4];
        for (var i = 0; i < rgba.Length; i++)
        {
            rgba[i] = (byte)(i * 11);
        }

        var decoded = ImageResult.FromMemory(PngImage.Encode(3, 2, rgba), ColorComponents.RedGreenBlueAlpha);

        Assert.Equal((3, 2), (decoded.Width, decoded.Height));
        Assert.Equal(rgba, decoded.Data);
        Assert.Equal((3, 2), PngImage.ReadSize(PngImage.Encode(3, 2, rgba)));
    }
}
