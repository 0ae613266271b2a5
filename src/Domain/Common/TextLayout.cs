namespace EcomErp.Domain.Common;

/// <summary>Whether a text may span lines: a note or a reason may, a name or an address line may not.</summary>
public enum TextLayout
{
    SingleLine = 0,
    MultiLine = 1,
}
