using Quasar.HwGen.FakeVitis;

// argv[0] is the tool the wrapper script stands for (vitis_hls, vitis-run, v++); the rest is the tool's command line.
if (args.Length == 0)
{
    Console.Error.WriteLine("usage: quasar-fake-vitis <vitis_hls|vitis-run|v++> <tool arguments...>");
    return 2;
}
try
{
    var scenario = FakeScenario.FromEnvironment();
    var call = new ToolCall(args[0], args[1..], Environment.CurrentDirectory);
    call.Record(scenario.CallLog);
    return FakeTools.Run(call, scenario);
}
catch (FakeUsageException e)
{
    Console.Error.WriteLine($"fake {args[0]}: {e.Message}");
    return 2;
}
