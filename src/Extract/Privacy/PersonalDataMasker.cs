namespace Bascule.Extract.Privacy;

/// <summary>
/// Masks the personal data of known third parties in free text (labels, rejected lines, messages): each of their IBANs
/// and each of the names it was given becomes <see cref="Masked"/>. Immutable once created: one masker serves every
/// text of a run, from any thread. Which names to give it is <see cref="ThirdPartyMasking"/>'s decision.
/// </summary>
public sealed class PersonalDataMasker
{
    public const string Masked = "***";

    private readonly NameIndex _names;
    private readonly KnownIbans _ibans;

    private PersonalDataMasker(NameIndex names, KnownIbans ibans)
    {
        _names = names;
        _ibans = ibans;
    }

    /// <summary>Masks nothing: for a run without third parties.</summary>
    public static PersonalDataMasker Empty { get; } = new(new NameIndex(), new KnownIbans());

    /// <summary>How many name forms (each name in its own order and given names first) and IBANs it looks for.</summary>
    public int NameForms => _names.Count;

    public int Ibans => _ibans.Count;

    public static PersonalDataMasker Create(IEnumerable<string> names, IEnumerable<string> ibans)
    {
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(ibans);
        var index = new NameIndex();
        foreach (var name in names)
        {
            index.Add(name);
        }

        var known = new KnownIbans();
        foreach (var iban in ibans)
        {
            known.Add(iban);
        }

        return new PersonalDataMasker(index, known);
    }

    /// <summary>The text with every known IBAN and name masked; the same instance when it holds none.</summary>
    public string Mask(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        // IBANs first: a name is words of letters, which a masked IBAN no longer holds.
        return _names.Mask(_ibans.Mask(text, Masked), Masked);
    }
}
