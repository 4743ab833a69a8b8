using System.ComponentModel.DataAnnotations;

namespace SecondOpinionBot.Safety;

/// <summary>Settings under "Emergency": the numbers this deployment tells people to call.</summary>
public sealed class EmergencyOptions
{
    public const string Section = "Emergency";

    [Required]
    [RegularExpression(@"^[0-9+ ()\-]{2,20}$")]
    public string Number { get; set; } = "911";

    /// <summary>The suicide and crisis line, given for thoughts of self-harm.</summary>
    [Required]
    [RegularExpression(@"^[0-9+ ()\-]{2,20}$")]
    public string CrisisLine { get; set; } = "988";
}
