using Bascule.Extract.Records;
using Bascule.Extract.Values;

namespace Bascule.Extract.Reading;

/// <summary>
/// Parses <c>TIERS.csv</c> records. Values are personal data: rejection messages quote only the code. A code
/// identifies one third party: a second line with the same code is rejected as a duplicate (the first is kept), so a
/// ledger line's third party is never ambiguous.
/// </summary>
internal sealed class ThirdPartyParser : IRecordParser<ThirdParty>
{
    private const int Code = 0, Name = 1, Enterprise = 2, IbanField = 3, PostalCode = 4, Locality = 5, Kind = 6;

    private readonly Dictionary<string, long> _codes = new(StringComparer.Ordinal);

    public Parsed<ThirdParty> Parse(RowParser row)
    {
        var codeText = row[Code].Trim();
        if (!ThirdPartyCode.TryParse(codeText, out var code))
        {
            row.Fail(Code, RejectReason.BadValue, $"\"{codeText}\" is not a third-party code.");
            return row.Rejection<ThirdParty>();
        }

        EnterpriseNumber? enterprise = null;
        var enterpriseText = row[Enterprise].Trim();
        if (!enterpriseText.IsEmpty && !EnterpriseNumber.TryParse(enterpriseText, out enterprise))
        {
            row.Fail(
                Enterprise,
                RejectReason.BadValue,
                $"third party {code}: not a Belgian enterprise number 0123.456.789 (wrong shape or check digits).");
            return row.Rejection<ThirdParty>();
        }

        Iban? iban = null;
        var ibanText = row[IbanField].Trim();
        if (!ibanText.IsEmpty && !Iban.TryParse(ibanText, out iban))
        {
            row.Fail(IbanField, RejectReason.BadValue, $"third party {code}: not a valid IBAN (wrong shape or check digits).");
            return row.Rejection<ThirdParty>();
        }

        if (!TryKind(row, out var kind))
        {
            return row.Rejection<ThirdParty>();
        }

        if (!_codes.TryAdd(code!.Value, row.Reader.Line))
        {
            row.Fail(
                Code,
                RejectReason.DuplicateLine,
                $"third party {code} already has a line (line {_codes[code.Value]}): a code names one third party.");
            return row.Rejection<ThirdParty>();
        }

        return Parsed<ThirdParty>.Ok(
            new ThirdParty(row.Reader.Lineage, code!, row.Text(Name), enterprise, iban, row.Text(PostalCode), row.Text(Locality), kind));
    }

    public (Amount Debit, Amount Credit) Totals(ThirdParty record) => (Amount.Zero, Amount.Zero);

    private static bool TryKind(RowParser row, out ThirdPartyKind kind)
    {
        var text = row[Kind].Trim();
        kind = text switch
        {
            "F" or "f" => ThirdPartyKind.Supplier,
            "C" or "c" => ThirdPartyKind.Customer,
            "B" or "b" => ThirdPartyKind.Beneficiary,
            "A" or "a" or "" => ThirdPartyKind.Other,
            _ => (ThirdPartyKind)(-1),
        };
        return kind != (ThirdPartyKind)(-1)
            || row.Fail(Kind, RejectReason.BadValue, $"\"{text}\" is not a third-party type: F, C, B or A.");
    }
}
