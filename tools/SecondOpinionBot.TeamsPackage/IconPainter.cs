namespace SecondOpinionBot.TeamsPackage;

/// <summary>
/// Draws the app's two Teams icons pixel by pixel: a speech bubble with a medical cross.
/// Color: 192×192, white bubble on the accent colour. Outline: 32×32, white strokes on a transparent background.
/// </summary>
public static class IconPainter
{
    public const int ColorSize = 192;
    public const int OutlineSize = 32;

    // The manifest's accentColor (#1F6FB2).
    private static readonly Rgb Accent = new(0x1F, 0x6F, 0xB2);
    private static readonly Rgb White = new(0xFF, 0xFF, 0xFF);
    private const int Samples = 4; // 4×4 samples per pixel smooth the colour icon's edges

    public static byte[] DrawColorPng() => PngImage.Encode(ColorSize, ColorSize, DrawColorPixels());

    public static byte[] DrawOutlinePng() => PngImage.Encode(OutlineSize, OutlineSize, DrawOutlinePixels());

    internal static byte[] DrawColorPixels()
    {
        var rgba = new byte[ColorSize * ColorSize * 4];
        for (var y = 0; y < ColorSize; y++)
        {
            for (var x = 0; x < ColorSize; x++)
            {
                var bubbleCoverage = Coverage(x, y, (px, py) => InBubble(px, py, ColorBubble) && !InCross(px, py, ColorCross));
                var colour = Accent.Blend(White, bubbleCoverage);
                var i = ((y * ColorSize) + x) * 4;
                rgba[i] = colour.R;
                rgba[i + 1] = colour.G;
                rgba[i + 2] = colour.B;
                rgba[i + 3] = 0xFF;
            }
        }

        return rgba;
    }

    internal static byte[] DrawOutlinePixels()
    {
        var rgba = new byte[OutlineSize * OutlineSize * 4];
        var inner = OutlineBubble.Inset(2);
        for (var y = 0; y < OutlineSize; y++)
        {
            for (var x = 0; x < OutlineSize; x++)
            {
                double px = x + 0.5, py = y + 0.5;
                var stroke = InBubble(px, py, OutlineBubble) && !inner.Body.Contains(px, py);
                var on = stroke || InCross(px, py, OutlineCross);
                var i = ((y * OutlineSize) + x) * 4;
                // Teams wants pure white on full transparency: no grey, no partial alpha.
                rgba[i] = rgba[i + 1] = rgba[i + 2] = rgba[i + 3] = on ? (byte)0xFF : (byte)0x00;
            }
        }

        return rgba;
    }

    private static readonly Bubble ColorBubble = new(
        new RoundedRect(32, 36, 160, 134, 26),
        new Triangle((58, 126), (100, 126), (48, 166)));

    private static readonly Cross ColorCross = new(96, 85, HalfLength: 30, HalfWidth: 11);

    private static readonly Bubble OutlineBubble = new(
        new RoundedRect(3, 4, 29, 23, 5),
        new Triangle((7, 21), (14, 21), (6, 29)));

    private static readonly Cross OutlineCross = new(16, 13, HalfLength: 4.5, HalfWidth: 1);

    private static double Coverage(int x, int y, Func<double, double, bool> inside)
    {
        var hits = 0;
        for (var sy = 0; sy < Samples; sy++)
        {
            for (var sx = 0; sx < Samples; sx++)
            {
                if (inside(x + ((sx + 0.5) / Samples), y + ((sy + 0.5) / Samples)))
                {
                    hits++;
                }
            }
        }

        return hits / (double)(Samples * Samples);
    }

    private static bool InBubble(double x, double y, Bubble bubble) => bubble.Body.Contains(x, y) || bubble.Tail.Contains(x, y);

    private static bool InCross(double x, double y, Cross cross)
    {
        double dx = Math.Abs(x - cross.CenterX), dy = Math.Abs(y - cross.CenterY);
        return (dx < cross.HalfWidth && dy < cross.HalfLength) || (dy < cross.HalfWidth && dx < cross.HalfLength);
    }

    private readonly record struct Rgb(byte R, byte G, byte B)
    {
        public Rgb Blend(Rgb other, double amount) => new(Mix(R, other.R, amount), Mix(G, other.G, amount), Mix(B, other.B, amount));

        private static byte Mix(byte from, byte to, double amount) => (byte)Math.Round(from + ((to - from) * amount));
    }

    private readonly record struct RoundedRect(double Left, double Top, double Right, double Bottom, double Radius)
    {
        public bool Contains(double x, double y)
        {
            if (x < Left || x > Right || y < Top || y > Bottom)
            {
                return false;
            }

            // Inside the rectangle: only the four corner squares need the circle test.
            var cx = Math.Clamp(x, Left + Radius, Right - Radius);
            var cy = Math.Clamp(y, Top + Radius, Bottom - Radius);
            return ((x - cx) * (x - cx)) + ((y - cy) * (y - cy)) <= Radius * Radius;
        }

        public RoundedRect Inset(double by) => new(Left + by, Top + by, Right - by, Bottom - by, Math.Max(0, Radius - by));
    }

    private readonly record struct Triangle((double X, double Y) A, (double X, double Y) B, (double X, double Y) C)
    {
        public bool Contains(double x, double y)
        {
            var d1 = Side(x, y, A, B);
            var d2 = Side(x, y, B, C);
            var d3 = Side(x, y, C, A);
            var hasNegative = d1 < 0 || d2 < 0 || d3 < 0;
            var hasPositive = d1 > 0 || d2 > 0 || d3 > 0;
            return !(hasNegative && hasPositive);
        }

        private static double Side(double x, double y, (double X, double Y) p, (double X, double Y) q)
            => ((x - q.X) * (p.Y - q.Y)) - ((p.X - q.X) * (y - q.Y));
    }

    private readonly record struct Bubble(RoundedRect Body, Triangle Tail)
    {
        public Bubble Inset(double by) => this with { Body = Body.Inset(by) };
    }

    private readonly record struct Cross(double CenterX, double CenterY, double HalfLength, double HalfWidth);
}
