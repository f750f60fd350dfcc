using System.IO.Compression;
using System.Xml;

namespace Bascule.Reconcile.Reports.Xlsx;

/// <summary>
/// The package parts of a workbook that are not the workbook's own content: the content types and the relationships
/// from the package to the workbook and from the workbook to its styles and sheets (ECMA-376 part 2), for the zip that
/// <see cref="XlsxWorkbookWriter"/> writes entry by entry.
/// </summary>
internal static class XlsxPackage
{
    private const string ContentTypes = "http://schemas.openxmlformats.org/package/2006/content-types";
    private const string Relationships = "http://schemas.openxmlformats.org/package/2006/relationships";
    private const string OfficeRelationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private const string SpreadsheetTypes = "application/vnd.openxmlformats-officedocument.spreadsheetml";

    public static void WriteParts(ZipArchive zip, uint sheets, Func<uint, string> sheetRelationship)
    {
        Write(zip, "[Content_Types].xml", xml =>
        {
            xml.WriteStartElement("Types", ContentTypes);
            Default(xml, "rels", "application/vnd.openxmlformats-package.relationships+xml");
            Default(xml, "xml", "application/xml");
            Override(xml, "/xl/workbook.xml", $"{SpreadsheetTypes}.sheet.main+xml");
            Override(xml, "/xl/styles.xml", $"{SpreadsheetTypes}.styles+xml");
            for (uint sheet = 1; sheet <= sheets; sheet++)
            {
                Override(xml, $"/xl/worksheets/sheet{sheet}.xml", $"{SpreadsheetTypes}.worksheet+xml");
            }

            xml.WriteEndElement();
        });
        Write(zip, "_rels/.rels", xml =>
        {
            xml.WriteStartElement("Relationships", Relationships);
            Relationship(xml, "rIdWorkbook", $"{OfficeRelationships}/officeDocument", "xl/workbook.xml");
            xml.WriteEndElement();
        });
        Write(zip, "xl/_rels/workbook.xml.rels", xml =>
        {
            xml.WriteStartElement("Relationships", Relationships);
            Relationship(xml, "rIdStyles", $"{OfficeRelationships}/styles", "styles.xml");
            for (uint sheet = 1; sheet <= sheets; sheet++)
            {
                Relationship(xml, sheetRelationship(sheet), $"{OfficeRelationships}/worksheet", $"worksheets/sheet{sheet}.xml");
            }

            xml.WriteEndElement();
        });
    }

    private static void Write(ZipArchive zip, string name, Action<XmlWriter> content)
    {
        using var stream = zip.CreateEntry(name).Open();
        using var xml = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new System.Text.UTF8Encoding(false) });
        xml.WriteStartDocument(standalone: true);
        content(xml);
        xml.WriteEndDocument();
    }

    private static void Default(XmlWriter xml, string extension, string type)
    {
        xml.WriteStartElement("Default", ContentTypes);
        xml.WriteAttributeString("Extension", extension);
        xml.WriteAttributeString("ContentType", type);
        xml.WriteEndElement();
    }

    private static void Override(XmlWriter xml, string part, string type)
    {
        xml.WriteStartElement("Override", ContentTypes);
        xml.WriteAttributeString("PartName", part);
        xml.WriteAttributeString("ContentType", type);
        xml.WriteEndElement();
    }

    private static void Relationship(XmlWriter xml, string id, string type, string target)
    {
        xml.WriteStartElement("Relationship", Relationships);
        xml.WriteAttributeString("Id", id);
        xml.WriteAttributeString("Type", type);
        xml.WriteAttributeString("Target", target);
        xml.WriteEndElement();
    }
}
