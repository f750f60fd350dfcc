using Bascule.Extract.Values;

namespace Bascule.Sample.Catalog;

/// <summary>
/// The legacy chart the sample generator books on: every general account, budget article and authority it can
/// write, per entity type. It is the single source of these codes: the generator draws only from here, and the
/// mapping files that must cover every sample are built from this list.
/// Codes follow the legacy communal plan (RGCC 1990 style): accounts of 7 digits in classes 1, 2, 4, 5, 6 and 7;
/// articles <c>FUNCTION/ECONOMIC-SUB</c> (functions 0xx general and taxes, 104 administration, 330 police,
/// 421 roads, 722 primary schools, 764 sport, 840/871 social and health, 930 town planning; CPAS 831
/// administration, 832 integration income, 834 rest home, 844 family aid).
/// </summary>
public static class LegacyCatalog
{
    public const string Equity = "1000000";
    public const string InvestmentSubsidies = "1500000";
    public const string LongTermDebt = "1710000";
    public const string Receivables = "4000000";
    public const string GrantsReceivable = "4010000";
    public const string Suppliers = "4400000";
    public const string Beneficiaries = "4410000";
    public const string WithholdingTax = "4530000";
    public const string SocialSecurity = "4540000";
    public const string NetPay = "4550000";
    public const string CurrentAccount = "5500000";
    public const string SavingsAccount = "5510000";

    /// <summary>
    /// The class-1 account a year's result is carried onto when the next year opens: the patrimoine, which the
    /// first year's opening already balances on. The legacy plan's own "résultat reporté" account is not used:
    /// the approved mapping covers no such account, and an approved mapping version is never edited.
    /// </summary>
    public const string ResultCarriedForward = Equity;

    /// <summary>The lender of every loan (interest, repayments, new loans).</summary>
    public const string Lender = "A0006";

    /// <summary>The commune's CPAS, or the CPAS's commune: each pays or receives the yearly dotation.</summary>
    public const string Partner = "A0005";

    private static readonly CatalogAccount[] CommonAccounts =
    [
        new(Equity, "Patrimoine"),
        new("1300000", "Réserves ordinaires", -2_450_000m),
        new("1310000", "Réserves extraordinaires", -1_780_000m),
        new(InvestmentSubsidies, "Subsides d'investissement reçus", -9_540_000m),
        new(LongTermDebt, "Emprunts à long terme", -14_120_000m),
        new("2210000", "Bâtiments", 31_800_000m),
        new("2230000", "Voiries et ouvrages d'art", 17_950_000m),
        new("2300000", "Mobilier, matériel et équipements", 2_380_000m),
        new("2400000", "Matériel roulant", 905_000m),
        new("2700000", "Immobilisations en cours et études", 1_215_000m),
        new("2800000", "Participations dans les intercommunales", 648_000m),
        new(Receivables, "Débiteurs - redevables", 1_120_000m),
        new(GrantsReceivable, "Débiteurs - subsides et dotations à recevoir", 2_310_000m),
        new(Suppliers, "Fournisseurs", -846_000m),
        new(WithholdingTax, "Précompte professionnel à payer", -212_000m),
        new(SocialSecurity, "ONSS-APL à payer", -338_000m),
        new(NetPay, "Rémunérations nettes à payer"),
        new(CurrentAccount, "Belfius - compte courant", 3_420_000m),
        new(SavingsAccount, "ING - compte de placement", 1_500_000m),
        new("5700000", "Caisse", 4_350m),
        new("6110000", "Fournitures et petit matériel"),
        new("6120000", "Énergie : électricité, gaz et chauffage"),
        new("6130000", "Entretien et réparations"),
        new("6140000", "Prestations de tiers et honoraires"),
        new("6200000", "Rémunérations du personnel"),
        new("6210000", "Cotisations patronales de sécurité sociale"),
        new("6400000", "Subsides, dotations et aides sociales"),
        new("6500000", "Intérêts des emprunts"),
        new("7000000", "Produits de prestations et redevances"),
        new("7300000", "Impôts et taxes"),
        new("7400000", "Subsides, dotations et fonds"),
        new("7500000", "Produits financiers"),
    ];

    private static readonly CatalogAccount[] CpasOnlyAccounts =
    [
        new(Beneficiaries, "Bénéficiaires d'aides sociales", -96_000m),
    ];

    private static readonly CatalogArticle[] CommuneArticles =
    [
        // Ordinary revenue
        new(
            "040/371-01",
            "Centimes additionnels au précompte immobilier",
            Service.Ordinary,
            'R',
            "7300000",
            ArticleUse.PersonRevenue,
            1_150m),
        new(
            "040/372-01",
            "Centimes additionnels à l'impôt des personnes physiques",
            Service.Ordinary,
            'R',
            "7300000",
            ArticleUse.AuthorityRevenue,
            265_000m,
            "A0002"),
        new("040/364-24", "Taxe sur les surfaces de bureaux", Service.Ordinary, 'R', "7300000", ArticleUse.PersonRevenue, 4_200m),
        new("040/363-03", "Redevance de stationnement", Service.Ordinary, 'R', "7000000", ArticleUse.PersonRevenue, 45m),
        new(
            "021/466-01",
            "Dotation générale aux communes",
            Service.Ordinary,
            'R',
            "7400000",
            ArticleUse.AuthorityRevenue,
            410_000m,
            "A0001"),
        new(
            "000/272-01",
            "Dividendes des intercommunales",
            Service.Ordinary,
            'R',
            "7500000",
            ArticleUse.AuthorityRevenue,
            32_000m,
            "A0011"),
        new("104/161-01", "Recettes des documents administratifs", Service.Ordinary, 'R', "7000000", ArticleUse.PersonRevenue, 24m),
        new("722/161-02", "Participation des parents aux repas scolaires", Service.Ordinary, 'R', "7000000", ArticleUse.PersonRevenue, 68m),
        new(
            "722/465-02",
            "Subsides de la Communauté française pour l'enseignement",
            Service.Ordinary,
            'R',
            "7400000",
            ArticleUse.AuthorityRevenue,
            61_000m,
            "A0003"),
        new("764/161-48", "Droits d'entrée à la piscine communale", Service.Ordinary, 'R', "7000000", ArticleUse.PersonRevenue, 15m),

        // Ordinary expenditure: staff
        new("104/111-01", "Traitements du personnel administratif", Service.Ordinary, 'D', "6200000", ArticleUse.Salary, 420_000m),
        new(
            "104/113-01",
            "Cotisations patronales - personnel administratif",
            Service.Ordinary,
            'D',
            "6210000",
            ArticleUse.SalaryContribution,
            147_000m),
        new("421/111-01", "Traitements du personnel ouvrier de la voirie", Service.Ordinary, 'D', "6200000", ArticleUse.Salary, 162_000m),
        new(
            "421/113-01",
            "Cotisations patronales - personnel de la voirie",
            Service.Ordinary,
            'D',
            "6210000",
            ArticleUse.SalaryContribution,
            56_700m),
        new(
            "722/111-01",
            "Traitements du personnel non subventionné des écoles",
            Service.Ordinary,
            'D',
            "6200000",
            ArticleUse.Salary,
            94_000m),
        new(
            "722/113-01",
            "Cotisations patronales - personnel des écoles",
            Service.Ordinary,
            'D',
            "6210000",
            ArticleUse.SalaryContribution,
            32_900m),
        new(
            "764/111-01",
            "Traitements du personnel des installations sportives",
            Service.Ordinary,
            'D',
            "6200000",
            ArticleUse.Salary,
            41_000m),
        new(
            "764/113-01",
            "Cotisations patronales - personnel des sports",
            Service.Ordinary,
            'D',
            "6210000",
            ArticleUse.SalaryContribution,
            14_350m),

        // Ordinary expenditure: operating
        new("104/123-02", "Fournitures de bureau", Service.Ordinary, 'D', "6110000", ArticleUse.Purchase, 185m),
        new("104/123-11", "Frais de téléphonie", Service.Ordinary, 'D', "6140000", ArticleUse.Purchase, 460m),
        new("104/123-13", "Frais informatiques et licences", Service.Ordinary, 'D', "6140000", ArticleUse.Purchase, 1_850m),
        new("104/125-12", "Électricité des bâtiments administratifs", Service.Ordinary, 'D', "6120000", ArticleUse.Purchase, 2_400m),
        new("421/140-06", "Fournitures pour l'entretien de la voirie", Service.Ordinary, 'D', "6130000", ArticleUse.Purchase, 640m),
        new("421/127-06", "Entretien et réparation des véhicules", Service.Ordinary, 'D', "6130000", ArticleUse.Purchase, 780m),
        new("722/124-02", "Fournitures scolaires", Service.Ordinary, 'D', "6110000", ArticleUse.Purchase, 240m),
        new("722/125-03", "Chauffage des écoles", Service.Ordinary, 'D', "6120000", ArticleUse.Purchase, 3_150m),
        new("764/125-06", "Entretien des installations sportives", Service.Ordinary, 'D', "6130000", ArticleUse.Purchase, 910m),
        new("871/124-48", "Frais de médecine scolaire", Service.Ordinary, 'D', "6140000", ArticleUse.Purchase, 720m),
        new("930/122-01", "Honoraires d'études d'urbanisme", Service.Ordinary, 'D', "6140000", ArticleUse.Purchase, 4_600m),

        // Ordinary expenditure: transfers and debt
        new("330/435-01", "Dotation à la zone de police", Service.Ordinary, 'D', "6400000", ArticleUse.Transfer, 355_000m, "A0004"),
        new("831/435-01", "Dotation au CPAS", Service.Ordinary, 'D', "6400000", ArticleUse.Transfer, 815_000m, Partner),
        new("764/332-02", "Subsides aux clubs sportifs", Service.Ordinary, 'D', "6400000", ArticleUse.Transfer, 1_500m, "A0007"),
        new("840/332-01", "Subsides aux associations sociales", Service.Ordinary, 'D', "6400000", ArticleUse.Transfer, 2_600m, "A0008"),
        new("000/211-01", "Intérêts des emprunts", Service.Ordinary, 'D', "6500000", ArticleUse.DebtInterest, 12_500m, Lender),
        new("000/911-01", "Remboursement des emprunts", Service.Ordinary, 'D', LongTermDebt, ArticleUse.DebtRepayment, 41_000m, Lender),

        // Extraordinary service
        new("421/731-60", "Travaux d'aménagement de voiries", Service.Extraordinary, 'D', "2230000", ArticleUse.Investment, 86_000m),
        new("722/724-60", "Rénovation des bâtiments scolaires", Service.Extraordinary, 'D', "2210000", ArticleUse.Investment, 118_000m),
        new("764/724-60", "Rénovation du complexe sportif", Service.Extraordinary, 'D', "2210000", ArticleUse.Investment, 152_000m),
        new("104/742-53", "Achat de matériel informatique", Service.Extraordinary, 'D', "2300000", ArticleUse.Investment, 9_200m),
        new("930/733-60", "Études pour le plan d'aménagement", Service.Extraordinary, 'D', "2700000", ArticleUse.Investment, 24_500m),
        new(
            "000/812-51",
            "Souscription au capital d'intercommunales",
            Service.Extraordinary,
            'D',
            "2800000",
            ArticleUse.Investment,
            15_000m),
        new(
            "421/665-52",
            "Subsides régionaux pour travaux de voirie",
            Service.Extraordinary,
            'R',
            InvestmentSubsidies,
            ArticleUse.CapitalSubsidy,
            61_000m,
            "A0001"),
        new(
            "722/665-51",
            "Subsides pour bâtiments scolaires",
            Service.Extraordinary,
            'R',
            InvestmentSubsidies,
            ArticleUse.CapitalSubsidy,
            88_000m,
            "A0003"),
        new("421/961-51", "Emprunts pour travaux de voirie", Service.Extraordinary, 'R', LongTermDebt, ArticleUse.Loan, 250_000m, Lender),
        new("722/961-51", "Emprunts pour bâtiments scolaires", Service.Extraordinary, 'R', LongTermDebt, ArticleUse.Loan, 310_000m, Lender),
    ];

    private static readonly CatalogArticle[] CpasArticles =
    [
        // Ordinary revenue
        new("000/486-01", "Intervention de la commune", Service.Ordinary, 'R', "7400000", ArticleUse.AuthorityRevenue, 815_000m, Partner),
        new(
            "832/465-01",
            "Remboursement du revenu d'intégration par l'État",
            Service.Ordinary,
            'R',
            "7400000",
            ArticleUse.AuthorityRevenue,
            46_000m,
            "A0009"),
        new("834/161-01", "Prix de journée de la maison de repos", Service.Ordinary, 'R', "7000000", ArticleUse.PersonRevenue, 1_920m),
        new("844/161-01", "Participation des familles à l'aide familiale", Service.Ordinary, 'R', "7000000", ArticleUse.PersonRevenue, 86m),
        new("831/161-01", "Récupérations de frais administratifs", Service.Ordinary, 'R', "7000000", ArticleUse.PersonRevenue, 55m),

        // Ordinary expenditure: staff
        new("831/111-01", "Traitements du personnel administratif", Service.Ordinary, 'D', "6200000", ArticleUse.Salary, 128_000m),
        new(
            "831/113-01",
            "Cotisations patronales - personnel administratif",
            Service.Ordinary,
            'D',
            "6210000",
            ArticleUse.SalaryContribution,
            44_800m),
        new("834/111-01", "Traitements du personnel soignant", Service.Ordinary, 'D', "6200000", ArticleUse.Salary, 215_000m),
        new(
            "834/113-01",
            "Cotisations patronales - personnel soignant",
            Service.Ordinary,
            'D',
            "6210000",
            ArticleUse.SalaryContribution,
            75_250m),
        new("844/111-01", "Traitements des aides familiales", Service.Ordinary, 'D', "6200000", ArticleUse.Salary, 58_000m),
        new(
            "844/113-01",
            "Cotisations patronales - aides familiales",
            Service.Ordinary,
            'D',
            "6210000",
            ArticleUse.SalaryContribution,
            20_300m),

        // Ordinary expenditure: operating
        new("831/123-02", "Fournitures de bureau", Service.Ordinary, 'D', "6110000", ArticleUse.Purchase, 150m),
        new("831/123-11", "Frais de téléphonie", Service.Ordinary, 'D', "6140000", ArticleUse.Purchase, 390m),
        new("831/123-13", "Frais informatiques et licences", Service.Ordinary, 'D', "6140000", ArticleUse.Purchase, 1_480m),
        new("834/124-48", "Alimentation des résidents", Service.Ordinary, 'D', "6110000", ArticleUse.Purchase, 1_320m),
        new("834/125-12", "Énergie de la maison de repos", Service.Ordinary, 'D', "6120000", ArticleUse.Purchase, 3_750m),
        new("834/125-06", "Entretien et réparations de la maison de repos", Service.Ordinary, 'D', "6130000", ArticleUse.Purchase, 690m),
        new("844/123-16", "Frais de déplacement des aides familiales", Service.Ordinary, 'D', "6140000", ArticleUse.Purchase, 125m),

        // Ordinary expenditure: social aid and debt
        new("832/333-01", "Revenu d'intégration sociale", Service.Ordinary, 'D', "6400000", ArticleUse.SocialAid, 1_260m),
        new(
            "832/333-02",
            "Aide sociale équivalente au revenu d'intégration",
            Service.Ordinary,
            'D',
            "6400000",
            ArticleUse.SocialAid,
            1_110m),
        new("832/333-03", "Aides sociales diverses (énergie, loyers)", Service.Ordinary, 'D', "6400000", ArticleUse.SocialAid, 215m),
        new("000/211-01", "Intérêts des emprunts", Service.Ordinary, 'D', "6500000", ArticleUse.DebtInterest, 7_900m, Lender),
        new("000/911-01", "Remboursement des emprunts", Service.Ordinary, 'D', LongTermDebt, ArticleUse.DebtRepayment, 24_500m, Lender),

        // Extraordinary service
        new("834/724-60", "Rénovation de la maison de repos", Service.Extraordinary, 'D', "2210000", ArticleUse.Investment, 96_000m),
        new("831/742-53", "Achat de matériel informatique", Service.Extraordinary, 'D', "2300000", ArticleUse.Investment, 6_800m),
        new("834/744-51", "Équipement de la maison de repos", Service.Extraordinary, 'D', "2300000", ArticleUse.Investment, 12_400m),
        new(
            "834/665-51",
            "Subsides de la COCOM pour la maison de repos",
            Service.Extraordinary,
            'R',
            InvestmentSubsidies,
            ArticleUse.CapitalSubsidy,
            58_000m,
            "A0010"),
        new("834/961-51", "Emprunts pour la maison de repos", Service.Extraordinary, 'R', LongTermDebt, ArticleUse.Loan, 205_000m, Lender),
    ];

    private static readonly CatalogAuthority[] CommonAuthorities =
    [
        new("A0001", "Région de Bruxelles-Capitale - Bruxelles Pouvoirs locaux", "1035", "Bruxelles"),
        new("A0002", "SPF Finances", "1030", "Schaerbeek"),
        new("A0003", "Fédération Wallonie-Bruxelles", "1080", "Molenbeek-Saint-Jean"),
        new("A0004", "Zone de police Montgomery", "1040", "Etterbeek"),
        new(Lender, "Belfius Banque SA", "1210", "Saint-Josse-ten-Noode"),
        new("A0007", "Cercle sportif d'Etterbeek ASBL", "1040", "Etterbeek"),
        new("A0008", "Maison de quartier \"La Chasse\" ASBL", "1040", "Etterbeek"),
        new("A0009", "SPP Intégration sociale", "1000", "Bruxelles"),
        new("A0010", "Commission communautaire commune", "1000", "Bruxelles"),
        new("A0011", "Interfin SCRL", "1000", "Bruxelles"),
    ];

    /// <summary>Accounts of a commune's ledger, or of a CPAS's (which also pays social aid to beneficiaries).</summary>
    public static IReadOnlyList<CatalogAccount> Accounts(EntityType type) =>
        type == EntityType.Commune ? CommonAccounts : [.. CommonAccounts.Select(ScaleForCpas), .. CpasOnlyAccounts];

    public static IReadOnlyList<CatalogArticle> Articles(EntityType type) =>
        type == EntityType.Commune ? CommuneArticles : CpasArticles;

    /// <summary>Authorities of either entity; the partner is the commune's CPAS, or the CPAS's commune.</summary>
    public static IReadOnlyList<CatalogAuthority> Authorities(EntityType type) =>
    [
        .. CommonAuthorities,
        new(Partner, type == EntityType.Commune ? "CPAS d'Etterbeek" : "Commune d'Etterbeek", "1040", "Etterbeek"),
    ];

    // A CPAS holds about a third of its commune's balance sheet.
    private static CatalogAccount ScaleForCpas(CatalogAccount account) =>
        account with { OpeningBalance = decimal.Round(account.OpeningBalance * 0.35m, 0) };
}
