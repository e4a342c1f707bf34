using Scriban;
using Scriban.Runtime;
using Scriban.Syntax;

namespace Quasar.HwGen.Codegen.Templates;

/// <summary>
/// Renders the Scriban templates of one template root. Every template is parsed once, when the renderer is made,
/// and a parse error fails then, naming the file, line and column. Rendering is strict: an unknown variable or member
/// is an error naming the template file and line (StrictVariables, no relaxed access), includes resolve through a
/// <see cref="ConfinedTemplateLoader"/> and reuse the parsed templates, and loops stop at <see cref="LoopLimit"/>
/// iterations: templates loop over a handful of ports and files, never over weights (those are written by C#).
/// </summary>
public sealed class TemplateRenderer
{
    /// <summary>The most iterations of any loop in a template.</summary>
    public const int LoopLimit = 1000;

    private readonly Dictionary<string, Template> _parsed = new(StringComparer.Ordinal);
    private readonly ConfinedTemplateLoader _loader;

    public TemplateRenderer(IReadOnlyDictionary<string, string> templates)
    {
        ArgumentNullException.ThrowIfNull(templates);
        _loader = new ConfinedTemplateLoader(templates);
        foreach (var (path, text) in templates.OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            var template = Template.Parse(text, path);
            if (template.HasErrors)
                throw new TemplateException($"template {path} does not parse: {string.Join("; ", template.Messages.Select(m => m.ToString()))}");
            _parsed[path] = template;
        }
    }

    public IReadOnlyCollection<string> TemplatePaths => _parsed.Keys;

    /// <summary>Renders <paramref name="path"/> (relative to the template root) with <paramref name="model"/> as its globals.</summary>
    public string Render(string path, ScriptObject model)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (!_parsed.TryGetValue(path, out var template))
            throw new TemplateException($"no template {path}; the root holds {string.Join(", ", _parsed.Keys)}");
        var context = new TemplateContext
        {
            StrictVariables = true,
            EnableRelaxedMemberAccess = false,
            EnableRelaxedTargetAccess = false,
            EnableRelaxedFunctionAccess = false,
            EnableRelaxedIndexerAccess = false,
            TemplateLoader = _loader,
            LoopLimit = LoopLimit,
            NewLine = "\n",
            MemberRenamer = member => member.Name,
        };
        foreach (var (key, parsed) in _parsed) context.CachedTemplates[key] = parsed;
        context.PushGlobal(model);
        try
        {
            return template.Render(context);
        }
        catch (ScriptRuntimeException e)
        {
            throw new TemplateException($"template {path} failed to render: {e.Message}", e);
        }
    }
}
