namespace Bascule.Sample.Catalog;

/// <summary>A public body, bank or association the entity deals with (third-party type <c>A</c>).</summary>
public sealed record CatalogAuthority(string Code, string Name, string PostalCode, string Locality);
