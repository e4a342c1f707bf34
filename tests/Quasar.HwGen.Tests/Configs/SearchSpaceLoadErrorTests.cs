using Quasar.HwGen.Core.Configs;

namespace Quasar.HwGen.Tests.Configs;

/// <summary>
/// Every way a search-space file can be wrong gets one message naming the file, the line and column, the field and
/// what is allowed. The messages are pinned whole: a change to any of them is a change to the user interface.
/// </summary>
[TestFixture]
public sealed class SearchSpaceLoadErrorTests
{
    private const string Source = "space.yaml";

    private const string Valid = """
        name: tiny
        image:
          size: 28
          patch_size: 4
          channels: 1
          classes: 10
          mean: [0.286]
          std: [0.353]
        choices:
          embed_dims: [64, 80, 96]
          depths: [4, 5, 6]
          heads: [2, 3]
          mlp_ratios: [2.0, 3.0, 4.0]
          row_8bit_ratios: [0.0, 0.5, 1.0]
        head_dim: 32
        activation_bits: 6
        weight_bits: [4, 8]

        """;

    private static string With(string original, string replacement)
    {
        if (!Valid.Contains(original, StringComparison.Ordinal)) throw new ArgumentException($"the valid space has no '{original}' to edit", nameof(original));
        return Valid.Replace(original, replacement, StringComparison.Ordinal);
    }

    private static string ErrorOf(string yaml) =>
        Assert.Throws<ConfigException>(() => ConfigLoader.ParseSearchSpace(yaml, Source))!.Message;

    [Test]
    public void The_valid_space_loads()
    {
        var space = ConfigLoader.ParseSearchSpace(Valid, Source);

        Assert.That(space.Name, Is.EqualTo("tiny"));
        Assert.That(space.Choices.Row8BitRatios, Is.EqualTo(new[] { 0.0, 0.5, 1.0 }));
    }

    [Test]
    public void A_file_error_names_the_file_path()
    {
        using var directory = new TemporaryDirectory();
        var path = directory.File("bad.space.yaml");
        File.WriteAllText(path, With("patch_size: 4", "patch_size: 5"));

        var error = Assert.Throws<ConfigException>(() => ConfigLoader.LoadSearchSpace(path))!;

        Assert.That(error.Message, Does.StartWith(path + ":4:15: image.patch_size: "));
        Assert.That(error.FilePath, Is.EqualTo(path));
        Assert.That((error.Issues[0].Line, error.Issues[0].Column, error.Issues[0].Field), Is.EqualTo((4, 15, "image.patch_size")));
    }

    [Test]
    public void A_missing_file_is_named()
    {
        using var directory = new TemporaryDirectory();

        var error = Assert.Throws<FileNotFoundException>(() => ConfigLoader.LoadSearchSpace(directory.File("nope.yaml")))!;

        Assert.That(error.Message, Does.Contain(directory.File("nope.yaml")));
    }

    [Test]
    public void Malformed_yaml_is_a_syntax_error_at_its_line_and_column()
    {
        Assert.That(ErrorOf(With("  channels: 1", " channels: 1")),
            Is.EqualTo("space.yaml:5:2: malformed YAML: While parsing a block mapping, did not find expected key."));
    }

    [Test]
    public void An_unclosed_bracket_points_after_the_last_good_token()
    {
        Assert.That(ErrorOf(With("depths: [4, 5, 6]", "depths: [4, 5, 6")),
            Is.EqualTo("space.yaml:11:16: malformed YAML: the parser cannot continue after this point; is a '[' or '{' left unclosed?"));
    }

    [Test]
    public void An_alias_right_after_a_flow_sequence_is_a_syntax_error_not_a_crash()
    {
        // Found by the CLI's property tests: YamlDotNet threw an ArgumentException here, which escaped as an internal error.
        Assert.That(ErrorOf(With("depths: [4, 5, 6]", "depths: [4, 5, 6]*a")), Does.StartWith("space.yaml:").And.Contain("malformed YAML"));
    }

    [Test]
    public void A_duplicate_key_is_a_syntax_error()
    {
        Assert.That(ErrorOf(With("head_dim: 32", "head_dim: 32\nhead_dim: 16")),
            Is.EqualTo("space.yaml:16:1: malformed YAML: Duplicate key head_dim"));
    }

    [Test]
    public void An_empty_file_is_refused()
    {
        Assert.That(ErrorOf("# nothing but a comment\n"),
            Is.EqualTo("space.yaml:1:1: the file holds no YAML document; expected a mapping of keys to values"));
    }

    [Test]
    public void Two_documents_are_refused()
    {
        Assert.That(ErrorOf(Valid + "---\nname: other\n"),
            Is.EqualTo("space.yaml:19:1: the file holds 2 YAML documents (separated by '---'); keep exactly one"));
    }

    [Test]
    public void A_top_level_list_is_refused()
    {
        Assert.That(ErrorOf("- 1\n- 2\n"), Is.EqualTo("space.yaml:1:1: the top level must be a mapping of keys to values, found a list"));
    }

    [Test]
    public void A_misspelt_key_is_reported_as_unknown_with_a_suggestion_and_as_missing()
    {
        Assert.That(ErrorOf(With("embed_dims:", "embed_dim:")), Is.EqualTo(
            "space.yaml:9:1: choices.embed_dims: required key 'embed_dims' is missing (expected a list of integers)\n"
            + "space.yaml:10:3: choices.embed_dim: unknown key 'embed_dim' (did you mean 'embed_dims'?); allowed keys: embed_dims, depths, heads, mlp_ratios, row_8bit_ratios"));
    }

    [Test]
    public void An_extra_key_is_refused_listing_the_allowed_keys()
    {
        Assert.That(ErrorOf(Valid + "dropout: 0.1\n"), Is.EqualTo(
            "space.yaml:18:1: dropout: unknown key 'dropout'; allowed keys: name, image, choices, head_dim, activation_bits, weight_bits"));
    }

    [Test]
    public void A_missing_key_is_reported_at_its_enclosing_mapping()
    {
        Assert.That(ErrorOf(With("  classes: 10\n", "")),
            Is.EqualTo("space.yaml:2:1: image.classes: required key 'classes' is missing (expected an integer)"));
    }

    [Test]
    public void A_word_where_an_integer_belongs_is_refused()
    {
        Assert.That(ErrorOf(With("size: 28", "size: twenty-eight")),
            Is.EqualTo("space.yaml:3:9: image.size: expected an integer, found 'twenty-eight'"));
    }

    [Test]
    public void A_fraction_where_an_integer_belongs_is_refused()
    {
        Assert.That(ErrorOf(With("head_dim: 32", "head_dim: 32.5")),
            Is.EqualTo("space.yaml:15:11: head_dim: expected an integer, found '32.5'"));
    }

    [Test]
    public void A_bad_list_element_is_named_by_its_index()
    {
        Assert.That(ErrorOf(With("[64, 80, 96]", "[64, eighty, 96]")),
            Is.EqualTo("space.yaml:10:20: choices.embed_dims[1]: expected an integer, found 'eighty'"));
    }

    [Test]
    public void A_quoted_number_is_a_string_not_a_number()
    {
        Assert.That(ErrorOf(With("head_dim: 32", "head_dim: \"32\"")),
            Is.EqualTo("space.yaml:15:11: head_dim: expected an integer, found the quoted string \"32\""));
    }

    [Test]
    public void A_key_without_a_value_is_refused()
    {
        Assert.That(ErrorOf(With("classes: 10", "classes:")),
            Is.EqualTo("space.yaml:6:11: image.classes: expected an integer, found no value"));
    }

    [Test]
    public void A_scalar_where_a_list_belongs_suggests_the_list()
    {
        Assert.That(ErrorOf(With("depths: [4, 5, 6]", "depths: 6")),
            Is.EqualTo("space.yaml:11:11: choices.depths: expected a list of integers, found '6'; write [6] for a list of one"));
    }

    [Test]
    public void A_scalar_where_a_mapping_belongs_is_reported_once()
    {
        var yaml = "name: tiny\nimage: 28\n" + Valid[Valid.IndexOf("choices:", StringComparison.Ordinal)..];

        Assert.That(ErrorOf(yaml), Is.EqualTo("space.yaml:2:8: image: expected a mapping of keys to values, found '28'"));
    }

    [Test]
    public void A_non_number_ratio_is_refused()
    {
        Assert.That(ErrorOf(With("mlp_ratios: [2.0, 3.0, 4.0]", "mlp_ratios: [2.0, .nan, 4.0]")),
            Is.EqualTo("space.yaml:13:21: choices.mlp_ratios[1]: expected a number, found '.nan'"));
    }

    [Test]
    public void An_8_bit_ratio_above_one_is_out_of_range()
    {
        Assert.That(ErrorOf(With("[0.0, 0.5, 1.0]", "[0.0, 0.5, 1.5]")), Is.EqualTo(
            "space.yaml:14:31: choices.row_8bit_ratios[2]: 1.5 is outside [0, 1]; a ratio is the fraction of a layer's weight rows held in 8 bits"));
    }

    [Test]
    public void A_patch_size_that_does_not_divide_the_image_lists_the_divisors()
    {
        Assert.That(ErrorOf(With("patch_size: 4", "patch_size: 5")),
            Is.EqualTo("space.yaml:4:15: image.patch_size: 5 does not divide image.size 28; choose one of {1, 2, 4, 7, 14, 28}"));
    }

    [Test]
    public void A_negative_depth_is_refused()
    {
        Assert.That(ErrorOf(With("depths: [4, 5, 6]", "depths: [4, -5, 6]")),
            Is.EqualTo("space.yaml:11:15: choices.depths[1]: -5 must be a positive number of layers"));
    }

    [Test]
    public void A_negative_image_size_is_refused()
    {
        Assert.That(ErrorOf(With("size: 28", "size: -28")),
            Is.EqualTo("space.yaml:3:9: image.size: -28 must be a positive number of pixels"));
    }

    [Test]
    public void An_mlp_ratio_giving_a_fractional_hidden_dim_is_refused()
    {
        Assert.That(ErrorOf(With("mlp_ratios: [2.0, 3.0, 4.0]", "mlp_ratios: [2.0, 3.3, 4.0]")), Is.EqualTo(
            "space.yaml:13:21: choices.mlp_ratios[1]: 3.3 × embed dim 64 = 211.2 is not a whole number of hidden units; every embed dim × mlp ratio must be an integer"));
    }

    [Test]
    public void A_choice_listed_twice_is_refused()
    {
        Assert.That(ErrorOf(With("[64, 80, 96]", "[64, 80, 80]")),
            Is.EqualTo("space.yaml:10:24: choices.embed_dims[2]: 80 is listed twice (also at [1]); list each choice once"));
    }

    [Test]
    public void An_empty_choice_list_is_refused()
    {
        Assert.That(ErrorOf(With("heads: [2, 3]", "heads: []")),
            Is.EqualTo("space.yaml:12:10: choices.heads: is empty; list at least one choice"));
    }

    [Test]
    public void Activations_other_than_6_bits_are_refused()
    {
        Assert.That(ErrorOf(With("activation_bits: 6", "activation_bits: 8")),
            Is.EqualTo("space.yaml:16:18: activation_bits: 8 is not supported; the GEMM engine takes 6-bit activations only (set 6)"));
    }

    [Test]
    public void Weight_bits_other_than_4_and_8_are_refused()
    {
        Assert.That(ErrorOf(With("weight_bits: [4, 8]", "weight_bits: [4, 16]")), Is.EqualTo(
            "space.yaml:17:14: weight_bits: [4, 16] is not supported; the GEMM engine computes 4-bit rows and 8-bit rows (as two 4-bit passes) only: set [4, 8]"));
    }

    [Test]
    public void A_mean_per_channel_must_match_the_channel_count()
    {
        Assert.That(ErrorOf(With("channels: 1", "channels: 3")), Is.EqualTo(
            "space.yaml:7:9: image.mean: has 1 value but image.channels is 3; give one value per channel\n"
            + "space.yaml:8:8: image.std: has 1 value but image.channels is 3; give one value per channel"));
    }

    [Test]
    public void A_name_with_spaces_is_refused()
    {
        Assert.That(ErrorOf(With("name: tiny", "name: Tiny Space")), Is.EqualTo(
            "space.yaml:1:7: name: 'Tiny Space' is not a valid name; use lowercase letters, digits, '.', '_' and '-', starting with a letter or digit"));
    }

    [Test]
    public void Every_problem_is_reported_in_file_order()
    {
        var yaml = With("[0.0, 0.5, 1.0]", "[0.0, 0.5, 1.5]").Replace("patch_size: 4", "patch_size: 5", StringComparison.Ordinal);

        var error = Assert.Throws<ConfigException>(() => ConfigLoader.ParseSearchSpace(yaml, Source))!;

        Assert.That(error.Issues.Select(i => (i.Line, i.Field)), Is.EqualTo(new[] { (4, "image.patch_size"), (14, "choices.row_8bit_ratios[2]") }));
    }

    [Test]
    public void A_space_built_in_code_is_checked_by_the_same_rules_without_a_position()
    {
        var space = ConfigLoader.ParseSearchSpace(Valid, Source) with { HeadDim = 0 };

        var error = Assert.Throws<ConfigException>(space.Validate)!;

        Assert.That(error.Message, Is.EqualTo("head_dim: 0 must be a positive number of channels per head"));
        Assert.That(error.FilePath, Is.Null);
    }
}
