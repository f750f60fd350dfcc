namespace Bascule.Reconcile.Reports;

/// <summary>
/// How reports are written. Unless <paramref name="ShowPersonalData"/> (setting <c>Reports:ShowPersonalData</c>) is
/// true, the free text of the reports (labels, rejected lines and their messages) is masked with the run's third
/// parties (see <see cref="PersonalData"/>), rejected lines of the third-party file keep only code and type, and the
/// cut-over's open items carry no names.
/// </summary>
public sealed record ReportOptions(bool ShowPersonalData = false);
