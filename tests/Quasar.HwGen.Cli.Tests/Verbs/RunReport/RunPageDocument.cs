using System.Text.Json;
using System.Xml;
using System.Xml.Linq;

namespace Quasar.HwGen.Cli.Tests.Verbs.RunReport;

/// <summary>A run directory's run.json (read as plain JSON, not through quasar's types) and its report page parsed as XML.</summary>
internal sealed class RunPageDocument : IDisposable
{
    public RunPageDocument(string runDirectory, string page)
    {
        Json = JsonDocument.Parse(File.ReadAllText(Path.Combine(runDirectory, "run.json")));
        using var reader = XmlReader.Create(new StringReader(File.ReadAllText(page)), new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore });
        Html = XDocument.Load(reader);
    }

    public JsonDocument Json { get; }

    public XDocument Html { get; }

    public JsonElement Root => Json.RootElement;

    /// <summary>The cells carrying a data-value in the table row whose <paramref name="key"/> attribute is <paramref name="value"/>.</summary>
    public IReadOnlyDictionary<string, XElement> Row(string key, string value) =>
        Html.Descendants("tr").Single(tr => (string?)tr.Attribute(key) == value).Elements("td")
            .Where(td => td.Attribute("data-field") is not null).ToDictionary(td => (string)td.Attribute("data-field")!);

    public void Dispose() => Json.Dispose();
}
