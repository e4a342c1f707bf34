using Quasar.HwGen.Codegen.Templates;
using Scriban.Runtime;

namespace Quasar.HwGen.Tests.Codegen;

/// <summary>Templates are strict: a typo fails naming the template and line; includes cannot leave the template root.</summary>
[TestFixture]
public sealed class TemplateRendererTests
{
    private static ScriptObject Model() => new() { ["engine"] = new ScriptObject { ["packing"] = "4" } };

    [Test]
    public void A_known_member_renders()
    {
        var renderer = new TemplateRenderer(new Dictionary<string, string> { ["t.sbn"] = "PACKING = {{ engine.packing }};" });
        Assert.That(renderer.Render("t.sbn", Model()), Is.EqualTo("PACKING = 4;"));
    }

    [Test]
    public void A_misspelt_member_fails_naming_the_template_line_and_member()
    {
        var renderer = new TemplateRenderer(new Dictionary<string, string> { ["config.h.sbn"] = "// header\nPACKING = {{ engine.pakcing }};\n" });
        var error = Assert.Throws<TemplateException>(() => renderer.Render("config.h.sbn", Model()));
        Assert.That(error!.Message, Does.Contain("config.h.sbn").And.Contain("(2,").And.Contain("pakcing"));
    }

    [Test]
    public void A_misspelt_variable_fails_naming_the_template_line_and_variable()
    {
        var renderer = new TemplateRenderer(new Dictionary<string, string> { ["config.h.sbn"] = "\n\nPACKING = {{ enigne.packing }};\n" });
        var error = Assert.Throws<TemplateException>(() => renderer.Render("config.h.sbn", Model()));
        Assert.That(error!.Message, Does.Contain("config.h.sbn").And.Contain("(3,").And.Contain("enigne"));
    }

    [Test]
    public void A_template_that_does_not_parse_fails_when_the_renderer_is_made_naming_file_and_line()
    {
        var error = Assert.Throws<TemplateException>(() => new TemplateRenderer(new Dictionary<string, string>
        {
            ["good.sbn"] = "fine",
            ["broken.sbn"] = "line one\n{{ if }}\n",
        }));
        Assert.That(error!.Message, Does.Contain("broken.sbn").And.Contain("(2,"));
    }

    [Test]
    public void Includes_resolve_inside_the_template_root()
    {
        var renderer = new TemplateRenderer(new Dictionary<string, string>
        {
            ["_banner.sbn"] = "// {{ engine.packing }}\n",
            ["sub/t.sbn"] = "{{ include '_banner.sbn' }}body",
        });
        Assert.That(renderer.Render("sub/t.sbn", Model()), Is.EqualTo("// 4\nbody"));
    }

    [TestCase("../secret.sbn")]
    [TestCase("sub/../../secret.sbn")]
    [TestCase("/etc/passwd")]
    [TestCase(@"..\\secret.sbn")] // a Scriban string: the template names ..\secret.sbn
    public void The_loader_refuses_a_path_outside_the_root_even_when_the_file_exists(string include)
    {
        using var directory = new TemporaryDirectory();
        var root = Path.Combine(directory.Path, "hls-templates");
        Directory.CreateDirectory(Path.Combine(root, "templates", "sub"));
        File.WriteAllText(Path.Combine(root, "secret.sbn"), "SECRET");
        File.WriteAllText(Path.Combine(root, "templates", "t.sbn"), $"{{{{ include '{include}' }}}}");
        var renderer = new TemplateRenderer(HlsSources.FromDirectory(root).Templates);

        var error = Assert.Throws<TemplateException>(() => renderer.Render("t.sbn", Model()));
        Assert.That(error!.Message, Does.Contain("outside the template root").And.Contain("t.sbn"));
        Assert.That(error.Message, Does.Not.Contain("SECRET"));
    }

    [Test]
    [Platform("Linux")]
    public void A_fifo_among_the_templates_of_a_folder_is_refused_without_waiting_for_a_writer()
    {
        using var directory = new TemporaryDirectory();
        var templates = Path.Combine(directory.Path, "hls-templates", "templates");
        Directory.CreateDirectory(templates);
        var fifo = Fifo.Create(Path.Combine(templates, "kernel.sbn"));

        var error = Fifo.ThrownWithin(TimeSpan.FromSeconds(10), () => HlsSources.FromDirectory(Path.Combine(directory.Path, "hls-templates")), fifo);

        Assert.That(error?.Message, Is.EqualTo($"{fifo}: is a FIFO (named pipe), not a regular file; give the path of a file"));
    }

    [Test]
    public void The_templates_built_into_the_assembly_are_the_repository_s()
    {
        var embedded = HlsSources.Embedded();
        var repository = HlsSources.FromDirectory(CodegenFixtures.RepositoryTemplates);
        Assert.That(embedded.Templates, Is.EquivalentTo(repository.Templates));
        Assert.That(embedded.Headers.Keys, Is.EquivalentTo(repository.Headers.Keys));
    }
}
