namespace Bascule.Contract.Tests;

/// <summary>
/// The contract: every failure a user can meet, one per line, as (command line, documented exit code, a distinctive
/// fragment of the message that names what is wrong and what to do, what the working folder holds, where it runs).
/// Every case also must show no stack trace, no exception type, no internal text and no password (see
/// <see cref="Contract.Check"/>). Placeholders: {sample} and {mapping} (the commune sample and the shipped mapping),
/// {fleet} (the example fleet.json), {published} and {superseded} (runs of the commune sample, with
/// <see cref="Setup.Runs"/>), {unknown} (a run id no database holds), {wrong-password} (the PostgreSQL staging
/// connection string with a wrong password). A case runs in both configurations (<see cref="Target"/>) unless it says
/// otherwise: the commands that never open the staging database (demo, sample, extract, mapping, fleet, the job storage's
/// enqueue, schedule and cancel) in the default one only. Adding a case is adding a line.
/// </summary>
public static class Cases
{
    public static IReadOnlyList<ContractCase> All { get; } =
    [
        // the command line itself
        new("frobnicate", 1, "Unknown command 'frobnicate' … See bascule --help", On: Targets.Default),
        new("migrat", 1, "Unknown command 'migrat' … Did you mean 'migrate'?", On: Targets.Default),
        new("runs --frobnicate", 1, "Unknown option 'frobnicate' … See bascule --help"),

        // demo: runs from a clone only
        new("demo", 1, "The demo runs from a clone of the repository: samples/ and mappings/ were not found", On: Targets.Default),

        // sample
        new("sample", 1, "--out is required: the folder to write the export into, e.g. --out out/sample", On: Targets.Default),
        new("sample --out", 1, "--out needs a value … See bascule --help", On: Targets.Default),
        new(
            "sample --out x --lines 0",
            1,
            "--lines 0 is too few: a COMMUNE export needs at least 21 lines … Ask for more lines",
            On: Targets.Default),
        new(
            "sample --out x --lines many",
            1,
            "--lines 'many' is not a whole number: write it with digits only, e.g. --lines 2000",
            On: Targets.Default),
        new("sample --out x --entity-type X", 1, "--entity-type 'X' is not COMMUNE or CPAS", On: Targets.Default),
        new(
            "sample --out x --years 2023-2022",
            1,
            "--years 2023-2022 goes backwards: write the first year first, e.g. --years 2022-2023",
            On: Targets.Default),
        new(
            "sample --out x --year 2023 --years 2022-2023",
            1,
            "--year 2023 and --years 2022-2023 cannot be used together",
            On: Targets.Default),
        new(
            "sample --out blocker/sample",
            1,
            "Cannot write the sample into … Choose a folder you can write to",
            Setup.Blocker,
            On: Targets.Default),

        // extract: file-level faults of a delivery
        new("extract", 1, "--export is required: the folder that holds EXPORT.txt", On: Targets.Default),
        new(
            "extract --export nowhere",
            1,
            "the export folder … does not exist. Give the folder that holds EXPORT.txt",
            On: Targets.Default),
        new(
            "extract --export export",
            1,
            "EXPORT.txt: the control file is missing … export again, completely",
            Setup.ExportWithoutControlFile,
            On: Targets.Default),
        new(
            "extract --export export",
            1,
            "TIERS.csv: the file is missing … although EXPORT.txt lists it. Copy the complete export folder again",
            Setup.ExportWithoutTiers,
            On: Targets.Default),
        new(
            "extract --export export",
            1,
            "ECRITURES.csv: the file holds … it is incomplete (truncated or altered) … export it again",
            Setup.ExportTruncated,
            On: Targets.Default),
        new(
            "extract --export {sample} --profile nowhere.json",
            1,
            "the export profile nowhere.json does not exist. Give the path of a profile file",
            On: Targets.Default),

        // migrate: refused before anything is written, held (2) when its reconciliation FAILS
        new("migrate --mapping {mapping}", 1, "--export is required: the folder that holds EXPORT.txt"),
        new("migrate --export {sample}", 1, "--mapping is required: the mapping version folder, e.g. --mapping mappings/bxl-2024/1.0.0"),
        new(
            "migrate --export nowhere --mapping {mapping}",
            1,
            "the export folder … does not exist … Nothing was written to the staging database"),
        new(
            "migrate --export export --mapping {mapping}",
            1,
            "EXPORT.txt: the control file is missing … Nothing was written to the staging database",
            Setup.ExportWithoutControlFile),
        new(
            "migrate --export export --mapping {mapping}",
            1,
            "it is incomplete (truncated or altered) … Nothing was written to the staging database",
            Setup.ExportTruncated),
        new(
            "migrate --export {sample} --mapping nowhere",
            1,
            "no mapping.yaml here; give the folder of one mapping version … Nothing was written"),
        new(
            "migrate --export {sample} --mapping mapping",
            1,
            "no mapping.yaml here; give the folder of one mapping version",
            Setup.MappingWithoutManifest),
        new(
            "migrate --export {sample} --mapping invalid/bxl-2024/1.0.0",
            1,
            "has 1 error(s) and cannot be used; fix them (bascule mapping validate",
            Setup.InvalidMapping),
        new(
            "migrate --export export --mapping {mapping}",
            2,
            "held, not published … reconciliation FAILED … publish it with",
            Setup.ExportOneEuroMore,
            Targets.Default),
        new(
            "migrate --export {sample} --mapping {mapping} --out blocker",
            1,
            "--out blocker is a file. Give the folder the reports are written to (created if missing).",
            Setup.Blocker),
        new(
            "migrate --export {sample} --mapping {mapping} --out blocker/reports",
            1,
            "--out blocker/reports cannot be made: blocker is a file. Give the folder the reports are written to",
            Setup.Blocker),
        new(
            "migrate --export {sample} --mapping {mapping} --provider oracle",
            1,
            "Unknown staging provider 'oracle': use sqlite, postgres or sqlserver"),
        new(
            "migrate --export {sample} --mapping {mapping} --provider postgres",
            1,
            "The postgres provider needs a connection string: give --connection",
            On: Targets.Default),
        new(
            "migrate --export {sample} --mapping {mapping} --profile nowhere.json",
            1,
            "the export profile nowhere.json does not exist … Nothing was written to the staging database"),
        new(
            "migrate --export {sample} --mapping {mapping} --provider postgres --connection {wrong-password}",
            1,
            "could not start the run (28P01: password authentication failed … that the account's name and password are right",
            On: Targets.Postgres),
        new("migrate --export {sample} --mapping {mapping} --batch-size 0", 1, "--batch-size 0 must be at least 1"),
        new(
            "migrate --export {sample} --mapping {mapping} --batch-size abc",
            1,
            "--batch-size 'abc' is not a whole number: write it with digits only, e.g. --batch-size 20000"),

        new(
            "migrate --export {sample} --mapping {mapping} --connection nowhere/staging.db",
            1,
            "The folder … does not exist, and Bascule does not create a folder it was given: create it",
            On: Targets.Default),

        // runs
        new("mapping suggest --export nowhere --mapping {mapping} --out draft.csv", 1, "does not exist", On: Targets.Default),
        new("runs prune", 1, "runs prune needs --keep N (0 or more)"),
        new("runs purge", 1, "'purge' is not a runs action: use `bascule runs` to list them or `bascule runs prune --keep N`"),
        new("runs --provider oracle", 1, "Unknown staging provider 'oracle': use sqlite, postgres or sqlserver"),
        new("runs --format xml", 1, "--format 'xml' is unknown: use text or json"),
        new("runs --format", 1, "--format needs a value: --format <FORMAT>"),
        new(
            "runs --provider postgres --connection garbage",
            1,
            "The postgres connection string cannot be read … Write it as key=value pairs separated by ';'"),
        new(
            "runs --provider postgres --connection {wrong-password}",
            1,
            "Could not read the runs … password authentication failed … Check --provider and --connection",
            On: Targets.Postgres),

        // publish: only a held run, with a reason
        new("publish", 1, "--run is required: the id of a run, as `bascule runs` lists them"),
        new("publish --run abc --reason Signed", 1, "--run 'abc' is not a run id: give a run listed by `bascule runs`"),
        new(
            "publish --run {unknown} --reason Signed",
            1,
            "There is no run 01a23a92-0000-7000-8000-000000000000 in the staging database: check the run id with `bascule runs`",
            Setup.Runs),
        new("publish --run {published} --reason Signed", 1, "is published, not held: only a held run … Nothing was changed", Setup.Runs),
        new("publish --run {superseded} --reason Signed", 1, "is superseded, not held … Nothing was changed", Setup.Runs),
        new("publish --run {published}", 1, "--reason is required: who reviewed and signed the run's report"),
        new(
            "publish --run {published} --reason Signed --role treasurer",
            1,
            "--role 'treasurer' is not a signing role: give accountant or auditor"),

        // evidence: one pack per entity-year, never without its mapping
        new("evidence", 1, "--run is required: the id of a run, as `bascule runs` lists them"),
        new("evidence --run {unknown}", 1, "There is no run 01a23a92-0000-7000-8000-000000000000 in", Setup.Runs),
        new(
            "evidence --run {published} --mappings nowhere",
            1,
            "is not under … Give the mappings folder that holds it with --mappings. Nothing was written.",
            Setup.Runs),
        new(
            "publish --run {unknown} --reason Signed --provider postgres --connection {wrong-password}",
            1,
            "password authentication failed … Check --provider and --connection",
            On: Targets.Postgres),

        // verify
        new("verify", 1, "--run is required"),
        new("verify --run abc", 1, "--run 'abc' is not a run id"),
        new(
            "verify --run {unknown}",
            1,
            "Run 01a23a92-0000-7000-8000-000000000000 is not in … List the runs with `bascule runs`",
            Setup.Runs),
        new(
            "verify --run {unknown} --provider postgres --connection {wrong-password}",
            1,
            "password authentication failed … Check --provider and --connection",
            On: Targets.Postgres),

        // report and report diff
        new("report", 1, "--run is required"),
        new("report --run abc", 1, "--run 'abc' is not a run id"),
        new(
            "report --run {unknown}",
            1,
            "Run 01a23a92-0000-7000-8000-000000000000 is not in the staging database … List the runs with `bascule runs`"),
        new(
            "report --run {unknown} --provider postgres --connection {wrong-password}",
            1,
            "password authentication failed … Check --provider and --connection",
            On: Targets.Postgres),
        new(
            "report --run {published} --export nowhere",
            1,
            "The export folder nowhere cannot be read for the reconciliation … Give the folder the run read, or leave --export out",
            Setup.Runs),
        new(
            "report --run {published} --out blocker/reports",
            1,
            "The reports of run … could not be written to … Give --out a folder you can write to",
            Setup.Runs | Setup.Blocker),
        new("report frob", 1, "'frob' is not a report action: use `bascule report --run RUN_ID` or `bascule report diff RUN_A RUN_B`"),
        new("report diff {published}", 1, "report diff needs two run ids … take them from `bascule runs`", Setup.Runs),
        new(
            "report diff {unknown} 01a23a92-0000-7000-8000-000000000001",
            1,
            "is not in the staging database … List the runs with `bascule runs`"),

        // history: one entity's years
        new(
            "history",
            1,
            "Give the entity: --ins CODE --entity-type COMMUNE|CPAS (e.g. --ins 21005 --entity-type COMMUNE), or --run RUN_ID"),
        new("history --ins 21005", 1, "Give the entity: --ins CODE --entity-type COMMUNE|CPAS"),
        new("history --ins 2100 --entity-type COMMUNE", 1, "--ins '2100' is not a 5-digit INS code"),
        new("history --ins 21005 --entity-type SCHOOL", 1, "--entity-type 'SCHOOL' is not COMMUNE or CPAS"),
        new("history --ins 21099 --entity-type COMMUNE", 1, "has no run of COMMUNE 21099 … List the runs with `bascule runs`", Setup.Runs),
        new("history --run {unknown}", 1, "is not in the staging database … List the runs with `bascule runs`"),
        new(
            "history --run {published} --out blocker/history",
            1,
            "The history could not be written to … Give --out a folder you can write to",
            Setup.Runs | Setup.Blocker),
        new(
            "history --ins 21005 --entity-type COMMUNE --provider postgres --connection {wrong-password}",
            1,
            "password authentication failed … Check --provider and --connection",
            On: Targets.Postgres),

        // cutover: from the published run, after its year
        new("cutover", 1, "--run is required: the published run of the last legacy year"),
        new("cutover --run abc", 1, "--run 'abc' is not a run id: give the published run listed by `bascule runs`"),
        new("cutover --run {unknown}", 1, "is not in the staging database … give a published one", Setup.Runs),
        new(
            "cutover --run {superseded}",
            1,
            "is superseded, not published: a cut-over starts only from the published run … Take the published run from `bascule runs`",
            Setup.Runs),
        new(
            "cutover --run {published} --as-of 2023-06-30",
            1,
            "--as-of 2023-06-30 falls inside fiscal year 2023 … by default 2024-01-01",
            Setup.Runs),
        new(
            "cutover --run {published} --result-account 600000",
            1,
            "'600000' is not a class-1 (equity) account of the new chart: give one with --result-account",
            Setup.Runs),
        new(
            "cutover --run {published} --as-of 31/12/2023",
            1,
            "--as-of '31/12/2023' is not a date written yyyy-MM-dd, e.g. --as-of 2024-01-01"),
        new(
            "cutover --run {published} --out blocker/cutover",
            1,
            "The cut-over package of run … could not be written to … Give --out a folder you can write to",
            Setup.Runs | Setup.Blocker),
        new(
            "cutover --run {unknown} --provider postgres --connection {wrong-password}",
            1,
            "password authentication failed … Check --provider and --connection",
            On: Targets.Postgres),

        // mapping validate / diff / hash / approve
        new("mapping validate", 1, "Command 'validate' is missing required argument 'DIR' … See bascule --help", On: Targets.Default),
        new("mapping validate nowhere", 1, "no mapping.yaml here; give the folder of one mapping version … NOT VALID", On: Targets.Default),
        new("mapping validate mapping", 1, "no mapping.yaml here", Setup.MappingWithoutManifest, On: Targets.Default),
        new(
            "mapping validate invalid/bxl-2024/1.0.0",
            1,
            "rule B130: account '999999' is not in the chart … use a code of the chart or add it there",
            Setup.InvalidMapping,
            On: Targets.Default),
        new(
            "mapping validate {mapping} --out blocker/report.txt",
            1,
            "The report could not be written to … Give --out a file in a folder you can write to",
            Setup.Blocker,
            On: Targets.Default),
        new("mapping diff {mapping}", 1, "Command 'diff' is missing required argument 'NEW_DIR'", On: Targets.Default),
        new("mapping diff nowhere {mapping}", 1, "no mapping.yaml here; give the folder of one mapping version", On: Targets.Default),
        new("mapping diff {mapping} mapping", 1, "no mapping.yaml here", Setup.MappingWithoutManifest, On: Targets.Default),
        new(
            "mapping diff {mapping} {mapping} --export {sample} --run {published}",
            1,
            "--export and --run cannot be given together … not both",
            Setup.Runs,
            On: Targets.Default),
        new(
            "mapping diff {mapping} {mapping} --run abc",
            1,
            "--run 'abc' is not a run id: give one listed by `bascule runs`",
            On: Targets.Default),
        new(
            "mapping diff {mapping} {mapping} --run {unknown}",
            1,
            "Run 01a23a92-0000-7000-8000-000000000000 is not in the staging database … List the runs with `bascule runs`"),
        new(
            "mapping diff {mapping} {mapping} --provider postgres",
            1,
            "--provider and --connection name the staging database of --run RUN_ID: give --run too",
            On: Targets.Default),
        new("mapping hash nowhere", 1, "no mapping.yaml here; give the folder of one mapping version", On: Targets.Default),
        new("mapping hash mapping", 1, "no mapping.yaml here", Setup.MappingWithoutManifest, On: Targets.Default),
        new(
            "mapping approve invalid/bxl-2024/1.0.0",
            1,
            "Say who approves: --by \"Name, role\"",
            Setup.InvalidMapping,
            On: Targets.Default),
        new("mapping approve nowhere --by \"A. Auditor, controller\"", 1, "no mapping.yaml here", On: Targets.Default),
        new(
            "mapping approve invalid/bxl-2024/1.0.0 --by \"A. Auditor, controller\"",
            1,
            "has 1 error(s) and cannot be approved; run bascule mapping validate",
            Setup.InvalidMapping,
            On: Targets.Default),
        new("mapping frob", 1, "Unknown command 'frob'", On: Targets.Default),

        // serve: an exposed dashboard needs authentication
        new(
            "serve --urls http://0.0.0.0:5080",
            1,
            "Refusing to serve on http://0.0.0.0:5080 without authentication … Configure at least one dashboard user"),
        new("serve --urls garbage", 1, "Cannot serve on 'garbage': give http:// or https:// addresses with a host and a port"),
        new("serve --log-format xml", 1, "--log-format 'xml' is unknown: use text or json", On: Targets.Default),
        new("serve --jobs-storage postgres --jobs-connection {wrong-password}", 1, "The job storage (postgres … could not be used: 28P01: "
            + "password authentication failed … Check --jobs-storage and --jobs-connection", On: Targets.Postgres),
        new(
            "serve --connection {wrong-password}",
            1,
            "The staging database … could not be used: 28P01: password authentication failed … Check --provider and --connection",
            On: Targets.Postgres),

        // fleet: the fleet file's folders as this machine sees them
        new("fleet --fleet nowhere.json", 1, "the fleet file was not found. Give --fleet or set Jobs:Fleet", On: Targets.Default),
        new("fleet --fleet {fleet} --year 2024", 2, "commune-etterbeek 2024: the export folder … does not exist", On: Targets.Default),
        new("fleet --fleet {fleet} --format xml", 1, "--format 'xml' is unknown: use text or json", On: Targets.Default),
        new(
            "fleet --fleet {fleet} --year 2023 --years 2022-2023",
            1,
            "Give --year YEAR or --years FIRST-LAST, not both",
            On: Targets.Default),

        // enqueue, schedule, cancel: the shared job storage and the fleet file
        new(
            "enqueue --fleet {fleet} --entity commune-etterbeek --year 2023",
            1,
            "The job storage is inmemory, which only the `bascule serve` process itself can see. Use the shared storage",
            On: Targets.Default),
        new(
            "schedule --fleet {fleet} --all --year 2023 --cron \"0 2 * * 6\"",
            1,
            "The job storage is inmemory … Use the shared storage",
            On: Targets.Default),
        new("cancel 42", 1, "The job storage is inmemory … Use the shared storage", On: Targets.Default),
        new(
            "enqueue --entity commune-etterbeek --year 2023",
            1,
            "the fleet file was not found. Give --fleet or set Jobs:Fleet",
            On: Targets.Default),
        new(
            "schedule --all --year 2023 --cron \"0 2 * * 6\"",
            1,
            "the fleet file was not found. Give --fleet or set Jobs:Fleet",
            On: Targets.Default),
        new(
            "enqueue --fleet {fleet} --entity nobody --year 2023",
            1,
            "no entity 'nobody'. Known keys: commune-etterbeek, cpas-etterbeek",
            On: Targets.Default),
        new(
            "schedule --fleet {fleet} --entity nobody --year 2023 --cron \"0 2 * * 6\"",
            1,
            "no entity 'nobody'. Known keys",
            On: Targets.Default),
        new(
            "enqueue --fleet {fleet} --all --years 2022-2023",
            1,
            "cpas-etterbeek 2022: the export folder … does not exist … Nothing was enqueued",
            On: Targets.Default),
        new(
            "enqueue --fleet {fleet} --all --year 1800",
            1,
            "--year 1800 is outside 1990-2100: give the fiscal year of the exports",
            On: Targets.Default),
        new(
            "enqueue --fleet {fleet} --year 2023",
            1,
            "Give either --entity KEY (one entity of the fleet file) or --all",
            On: Targets.Default),
        new(
            "enqueue --fleet {fleet} --all --years 2023-2019",
            1,
            "--years 2023-2019 goes backwards: write the first year first, e.g. --years 2019-2023",
            On: Targets.Default),
        new(
            "enqueue --fleet {fleet} --all --years 2019",
            1,
            "--years '2019' is not a range of two 4-digit years: write the first and the last year",
            On: Targets.Default),
        new(
            "enqueue --fleet {fleet} --all --year 2023 --years 2019-2023",
            1,
            "Give --year YEAR or --years FIRST-LAST, not both",
            On: Targets.Default),
        new(
            "enqueue --fleet {fleet} --entity commune-etterbeek --year 2023 --jobs-storage postgres",
            1,
            "The postgres job storage needs a connection string: give --jobs-connection",
            On: Targets.Default),
        new(
            "enqueue --fleet {fleet} --entity commune-etterbeek --year 2023 --jobs-storage mongo",
            1,
            "Unknown job storage 'mongo': use inmemory (single serve process), postgres or sqlserver",
            On: Targets.Default),
        new(
            "enqueue --fleet {fleet} --entity commune-etterbeek --year 2023 --jobs-storage postgres --jobs-connection {wrong-password}",
            1,
            "The job storage could not be opened: 28P01: password authentication failed … Check --jobs-connection",
            On: Targets.Postgres),
        new(
            "cancel 42 --jobs-storage postgres --jobs-connection {wrong-password}",
            1,
            "The job storage could not be opened … Check --jobs-connection",
            On: Targets.Postgres),
    ];
}
