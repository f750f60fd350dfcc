using System.Globalization;
using Bascule.Transform.Mapping;

namespace Bascule.Reconcile.Reports;

/// <summary>How every report states the approval of the mapping version a run used, in French and Dutch.</summary>
public static class ApprovalText
{
    public static string French(MappingApproval? approval) =>
        approval is { } a
            ? string.Create(CultureInfo.InvariantCulture, $"approuvée par {a.By} le {a.On:dd/MM/yyyy}")
            : "NON APPROUVÉE : cette version de la table de correspondance n'a pas été approuvée ; ces chiffres ne peuvent servir que de "
                + "répétition.";

    public static string Dutch(MappingApproval? approval) =>
        approval is { } a
            ? string.Create(CultureInfo.InvariantCulture, $"goedgekeurd door {a.By} op {a.On:dd/MM/yyyy}")
            : "NIET GOEDGEKEURD: deze versie van de mappingtabel is niet goedgekeurd; deze cijfers gelden enkel als generale repetitie.";

    /// <summary>Both languages in a few words, for a table cell among others (the history's years).</summary>
    public static string Brief(MappingApproval? approval) => approval is null ? "NON APPROUVÉE / NIET GOEDGEKEURD" : Bilingual(approval);

    /// <summary>Both languages in one line, for a cell or a console.</summary>
    public static string Bilingual(MappingApproval? approval) => $"{French(approval)} / {Dutch(approval)}";
}
