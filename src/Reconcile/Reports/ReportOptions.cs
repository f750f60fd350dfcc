namespace Bascule.Reconcile.Reports;

/// <summary>
/// How reports are written. Third parties' names, IBANs and enterprise numbers are masked unless
/// <paramref name="ShowPersonalData"/> (setting <c>Reports:ShowPersonalData</c>) is true.
/// </summary>
public sealed record ReportOptions(bool ShowPersonalData = false);
