using Quasar.HwGen.Vitis.Tools;

namespace Quasar.HwGen.Tests.Vitis;

[TestFixture]
public sealed class ToolDiscoveryTests
{
    private TemporaryDirectory _directory = null!;

    [SetUp]
    public void CreateDirectory() => _directory = new TemporaryDirectory();

    [TearDown]
    public void DeleteDirectory() => _directory.Dispose();

    private Func<string, string?> Environment(string? path, string? vitis = null, string? hls = null) => name => name switch
    {
        "PATH" => path,
        "XILINX_VITIS" => vitis,
        "XILINX_HLS" => hls,
        _ => null,
    };

    [Test]
    [Category("NeedsGpp")]
    public async Task The_machine_s_gpp_is_found_with_its_version()
    {
        var tools = await ToolDiscovery.DiscoverAsync();

        Assert.That(tools.Gxx, Does.EndWith("/g++"));
        Assert.That(ToolDiscovery.MajorVersion(tools.GxxVersion), Is.GreaterThanOrEqualTo(10), tools.GxxVersion);
    }

    [Test]
    public async Task Vitis_tools_under_XILINX_VITIS_bin_are_found_without_being_on_PATH_and_select_the_unified_flow()
    {
        var bin = _directory.File("Vitis/2024.2/bin");
        FakeTool.Write(bin, ToolNames.VitisRun, "exit 0");
        FakeTool.Write(bin, ToolNames.Vpp, "echo '****** v++ v2024.2 (64-bit)'; echo '  **** SW Build 5239630 on 2024-11-07'");
        FakeTool.Write(bin, ToolNames.VitisHls, "exit 0");

        var tools = await ToolDiscovery.DiscoverAsync(ToolSearchPath.FromEnvironment(Environment(_directory.File("empty"), vitis: _directory.File("Vitis/2024.2"))));

        Assert.That(tools.VitisRun, Is.EqualTo(Path.Combine(bin, ToolNames.VitisRun)));
        Assert.That(tools.Vpp, Is.EqualTo(Path.Combine(bin, ToolNames.Vpp)));
        Assert.That(tools.VitisVersion, Is.EqualTo("2024.2"));
        Assert.That(FakeTool.Arguments(tools.Vpp!), Is.EqualTo(new[] { "--version" }));
        Assert.That(tools.Flow, Is.EqualTo(HlsFlow.Unified));
        Assert.That(tools.Gxx, Is.Null);
    }

    [TestCase("2023.2", true, HlsFlow.ClassicTcl, TestName = "2023.2 has vitis-run, but its HLS still runs through vitis_hls")]
    [TestCase("2024.1", true, HlsFlow.Unified, TestName = "2024.1 and later run HLS through vitis-run and v++")]
    [TestCase(null, true, HlsFlow.ClassicTcl, TestName = "An unknown release with vitis_hls takes the flow every release before 2025.1 has")]
    [TestCase(null, false, HlsFlow.Unified, TestName = "An unknown release without vitis_hls takes the unified flow")]
    public void The_flow_follows_the_release_the_tools_report(string? release, bool withVitisHls, HlsFlow expected)
    {
        var tools = new Toolset(ToolSearchPath.Of(), null, null, withVitisHls ? "/v/vitis_hls" : null, "/v/vitis-run", "/v/v++", null, release);

        Assert.That(tools.Flow, Is.EqualTo(expected));
    }

    [Test]
    public async Task Vitis_hls_alone_selects_the_classic_tcl_flow()
    {
        FakeTool.Write(_directory.File("hls/bin"), ToolNames.VitisHls, "exit 0");

        var tools = await ToolDiscovery.DiscoverAsync(ToolSearchPath.FromEnvironment(Environment(null, hls: _directory.File("hls"))));

        Assert.That(tools.Flow, Is.EqualTo(HlsFlow.ClassicTcl));
    }

    [Test]
    public async Task Without_any_Vitis_tool_there_is_no_hls_flow()
    {
        var tools = await ToolDiscovery.DiscoverAsync(ToolSearchPath.Of(_directory.Path));

        Assert.That(tools.Flow, Is.EqualTo(HlsFlow.None));
        Assert.That(tools.Describe(), Does.Contain("vitis_hls   not found"));
    }

    [Test]
    public void The_first_directory_on_PATH_wins()
    {
        var first = FakeTool.Write(_directory.File("first"), ToolNames.VitisHls, "exit 0");
        FakeTool.Write(_directory.File("second"), ToolNames.VitisHls, "exit 0");

        var search = ToolSearchPath.FromEnvironment(Environment($"{_directory.File("first")}:{_directory.File("second")}"));

        Assert.That(search.Find(ToolNames.VitisHls), Is.EqualTo(first));
    }

    [Test]
    public void A_file_without_execute_permission_is_not_a_tool()
    {
        Assume.That(OperatingSystem.IsWindows(), Is.False, "execute permissions are a Unix notion");
        File.WriteAllText(_directory.File(ToolNames.Vpp), "#!/bin/sh\n");
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(_directory.File(ToolNames.Vpp), UnixFileMode.UserRead | UnixFileMode.UserWrite);

        Assert.That(ToolSearchPath.Of(_directory.Path).Find(ToolNames.Vpp), Is.Null);
    }

    [Test]
    public async Task A_missing_tool_is_an_error_naming_the_tool_where_it_looked_and_the_fix()
    {
        var tools = await ToolDiscovery.DiscoverAsync(ToolSearchPath.FromEnvironment(Environment(_directory.Path, vitis: "/opt/Xilinx/Vitis/2024.2")));

        var error = Assert.Throws<ToolNotFoundException>(() => tools.Require(ToolNames.VitisRun))!;

        Assert.That(error.Tool, Is.EqualTo("vitis-run"));
        Assert.That(error.Message, Does.Contain("vitis-run not found").And.Contain(_directory.Path).And.Contain("/opt/Xilinx/Vitis/2024.2/bin")
            .And.Contain("source <Vitis>/settings64.sh"));
        Assert.That(Assert.Throws<ToolNotFoundException>(() => tools.Require(ToolNames.Gxx))!.Message, Does.Contain("apt install g++"));
    }
}
