namespace Bascule.Sample.ThirdParties;

/// <summary>Fictitious but plausible Brussels names and places; no real person or company is meant.</summary>
public static class SampleNames
{
    public static readonly string[] LastNames =
    [
        "Peeters", "Janssens", "Maes", "Jacobs", "Mertens", "Willems", "Claes", "Goossens", "Wouters", "De Smet",
        "Dubois", "Lambert", "Dupont", "Martin", "Leroy", "Lejeune", "Renard", "Lemaire", "François", "Mathieu",
        "Benali", "El Amrani", "Yilmaz", "Kaya", "Rossi", "Da Silva", "Nowak", "Popescu", "Diallo", "Mukendi",
        "Vandenberghe", "Van Damme", "Desmet", "Hermans", "Michel", "Simon", "Laurent", "Gérard", "Noël", "Müller",
    ];

    public static readonly string[] FirstNames =
    [
        "Marie", "Sophie", "Julie", "Léa", "Emma", "Chloé", "Fatima", "Amina", "Inès", "Ana",
        "Jean", "Pierre", "Luc", "Marc", "Thomas", "Nicolas", "Mohamed", "Youssef", "Mehmet", "Jan",
        "Anne", "Isabelle", "Françoise", "Nathalie", "Hélène", "Geneviève", "Ahmed", "Karim", "Joël", "Raphaël",
    ];

    public static readonly string[] Trades =
    [
        "Papeterie", "Informatique", "Nettoyage", "Électricité", "Chauffage", "Jardins et espaces verts",
        "Garage", "Imprimerie", "Fournitures scolaires", "Toitures", "Menuiserie", "Traiteur",
        "Bureau d'études", "Sanitaires", "Signalisation routière", "Télécom",
    ];

    public static readonly string[] LegalForms = ["SA", "SRL", "SC", "SNC", "SCRL"];

    /// <summary>Postal codes of the nineteen Brussels communes and a few neighbours, with their locality.</summary>
    public static readonly (string PostalCode, string Locality)[] Places =
    [
        ("1000", "Bruxelles"), ("1020", "Laeken"), ("1030", "Schaerbeek"), ("1040", "Etterbeek"),
        ("1050", "Ixelles"), ("1060", "Saint-Gilles"), ("1070", "Anderlecht"), ("1080", "Molenbeek-Saint-Jean"),
        ("1081", "Koekelberg"), ("1082", "Berchem-Sainte-Agathe"), ("1083", "Ganshoren"), ("1090", "Jette"),
        ("1140", "Evere"), ("1150", "Woluwe-Saint-Pierre"), ("1160", "Auderghem"), ("1170", "Watermael-Boitsfort"),
        ("1180", "Uccle"), ("1190", "Forest"), ("1200", "Woluwe-Saint-Lambert"), ("1210", "Saint-Josse-ten-Noode"),
        ("1300", "Wavre"), ("1930", "Zaventem"), ("1070", "Anderlecht"), ("1040", "Etterbeek"),
    ];
}
