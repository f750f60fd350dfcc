namespace Bascule.Sample.Catalog;

/// <summary>Which kind of document books on a budget article, so that every article lands in a realistic pair of accounts.</summary>
public enum ArticleUse
{
    /// <summary>Supplier invoice: charge (class 6) against the suppliers payable, journal ACH.</summary>
    Purchase,

    /// <summary>Gross salaries of a function, in the monthly payroll of journal OD.</summary>
    Salary,

    /// <summary>Employer social security contributions of the same function, in the same payroll.</summary>
    SalaryContribution,

    /// <summary>Transfer to an authority or an association (dotation, subsidy), journal ACH.</summary>
    Transfer,

    /// <summary>Social aid paid to a beneficiary (CPAS), journal ACH on the beneficiaries payable.</summary>
    SocialAid,

    /// <summary>Loan interest, journal OD against the bank.</summary>
    DebtInterest,

    /// <summary>Loan principal repayment (ordinary service, debited on the debt account), journal OD.</summary>
    DebtRepayment,

    /// <summary>Tax, fee or charge due by a person, journal VEN on the receivables account.</summary>
    PersonRevenue,

    /// <summary>Grant or share of a tax paid by an authority, journal VEN on the subsidies receivable.</summary>
    AuthorityRevenue,

    /// <summary>Investment invoice (extraordinary service, class 2), journal ACH.</summary>
    Investment,

    /// <summary>Capital subsidy granted for an investment (extraordinary service, class 1), journal OD.</summary>
    CapitalSubsidy,

    /// <summary>Loan taken up to finance investments (extraordinary service, class 1), journal OD.</summary>
    Loan,
}
