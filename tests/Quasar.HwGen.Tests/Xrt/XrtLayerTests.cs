using Quasar.Runtime.Xrt;

namespace Quasar.HwGen.Tests.Xrt;

/// <summary>
/// The P/Invoke layer over the sw-emu library and its fake kernel (copies a → out0 and w → out1, status = flags):
/// the success path, every error path with the message the user sees, and no handle or memory leaked over 10,000 runs.
/// </summary>
[TestFixture]
[Category("NeedsGpp")]
public sealed class XrtLayerTests
{
    private const int ENOENT = 2, EPERM = 1, ENODEV = 19, EINVAL = 22, ERANGE = 34;
    private const int Words = 4, Bytes = Words * 16;

    private TemporaryDirectory _directory = null!;
    private XrtLibrary _library = null!;
    private string _xclbin = null!;

    [OneTimeSetUp]
    public void Build()
    {
        _library = XrtLibrary.Load(SoftwareDevice.Library);
        _directory = new TemporaryDirectory();
        _xclbin = FakeXclbin("fake.xclbin", SoftwareDevice.FakeKernel);
    }

    [OneTimeTearDown]
    public void Delete() => _directory.Dispose();

    [Test]
    public void A_run_moves_buffers_through_the_device_and_back()
    {
        using var device = XrtDevice.Open(_library);
        var uuid = device.LoadXclbin(_xclbin);
        using var kernel = XrtKernel.Open(device, uuid, XrtAccelerator.KernelName);
        using var set = new BufferSet(device, kernel);
        byte[] a = Pattern(1), w = Pattern(2);
        set.Upload(a, w);

        using var run = set.OpenRun(kernel, flags: 0);
        run.Execute(TimeSpan.FromSeconds(5));

        Assert.That(run.GetInt32Argument(14), Is.Zero);
        Assert.That(device.XclbinUuid, Is.EqualTo(uuid));
        Assert.That(set.Download(set.Out0), Is.EqualTo(a));
        Assert.That(set.Download(set.Out1), Is.EqualTo(w));
        Assert.That(_library.IsSoftwareEmulation, Is.True);
    }

    [Test]
    public void A_missing_library_names_its_path_and_the_fix()
    {
        var e = Assert.Throws<XrtException>(() => XrtLibrary.Load("/nonexistent/libxrt_coreutil.so.2"));
        Assert.That(e!.Message, Does.Contain("'/nonexistent/libxrt_coreutil.so.2'").And.Contain("install XRT").And.Contain("sw-emu"));
    }

    [Test]
    public void A_library_that_is_not_xrt_is_refused_naming_the_missing_function()
    {
        var e = Assert.Throws<XrtException>(() => XrtLibrary.Load("libc.so.6"));
        Assert.That(e!.Message, Does.Contain("does not export xrtDeviceOpen"));
    }

    [Test]
    public void Every_failing_call_names_itself_its_arguments_and_errno()
    {
        Expect(() => XrtDevice.Open(_library, 1), "xrtDeviceOpen", ENODEV, "index 1");
        using var device = XrtDevice.Open(_library);
        Expect(() => device.LoadXclbin(_directory.File("missing.xclbin")), "xrtXclbinAllocFilename", ENOENT, "missing.xclbin");
        Expect(() => device.LoadXclbin(FakeXclbin("no-library.xclbin", _directory.File("libmissing.so"))), "xrtDeviceLoadXclbinHandle", ENOENT, "no-library.xclbin");
        var uuid = device.LoadXclbin(_xclbin);
        Expect(() => XrtKernel.Open(device, uuid, "not_a_kernel"), "xrtPLKernelOpen", null, "'not_a_kernel'");
        Expect(() => XrtKernel.Open(device, Guid.NewGuid(), XrtAccelerator.KernelName), "xrtPLKernelOpen", EINVAL, "quasar_gemm");
        using var kernel = XrtKernel.Open(device, uuid, XrtAccelerator.KernelName);
        Expect(() => kernel.ArgumentGroup(7), "xrtKernelArgGroupId", EINVAL, "argument 7");
        using var set = new BufferSet(device, kernel);
        Expect(() => set.A.Write(new byte[Bytes + 1]), "xrtBOWrite", ERANGE, $"{Bytes + 1} bytes");
        Expect(() => set.A.Read(new byte[16], offset: Bytes), "xrtBORead", ERANGE, $"at {Bytes}");
    }

    [Test]
    public void Forgetting_a_sync_is_an_error_not_stale_data()
    {
        using var device = XrtDevice.Open(_library);
        using var kernel = XrtKernel.Open(device, device.LoadXclbin(_xclbin), XrtAccelerator.KernelName);
        using var set = new BufferSet(device, kernel);
        set.A.Write(Pattern(3)); // not synced to the device
        set.W.Write(Pattern(4));
        set.W.SyncToDevice();
        using var run = set.OpenRun(kernel, flags: 0);

        Expect(() => run.Execute(TimeSpan.FromSeconds(5)), "xrtRunStart", EPERM, "the run");
        set.A.SyncToDevice();
        run.Execute(TimeSpan.FromSeconds(5));
        Expect(() => set.Out0.Read(new byte[Bytes]), "xrtBORead", EPERM, $"{Bytes} bytes");
    }

    [Test]
    public void A_run_that_fails_names_its_state()
    {
        using var device = XrtDevice.Open(_library);
        using var kernel = XrtKernel.Open(device, device.LoadXclbin(_xclbin), XrtAccelerator.KernelName);
        using var set = new BufferSet(device, kernel);
        set.Upload(Pattern(5), Pattern(6));
        using var run = set.OpenRun(kernel, flags: 3);

        var e = Assert.Throws<XrtException>(() => run.Execute(TimeSpan.FromSeconds(5)));

        Assert.That(e!.Message, Does.Contain("kernel 'quasar_gemm' ended in state Error").And.Contain("ERT_CMD_STATE_ERROR"));
        Assert.That(run.GetInt32Argument(14), Is.EqualTo(3));
    }

    [Test]
    public void Ten_thousand_runs_leak_no_handle_and_no_memory()
    {
        using var device = XrtDevice.Open(_library);
        using var kernel = XrtKernel.Open(device, device.LoadXclbin(_xclbin), XrtAccelerator.KernelName);
        ResidentBytes(); // collects first: handles other tests left to the finalizer are released before counting
        int handlesBefore = _library.LiveHandles();
        long memoryAt1000 = 0;
        for (int i = 1; i <= 10_000; i++)
        {
            using (var set = new BufferSet(device, kernel))
            {
                set.Upload(Pattern(i), Pattern(i + 1));
                using var run = set.OpenRun(kernel, flags: 0);
                run.Execute(TimeSpan.FromSeconds(5));
                set.Download(set.Out0);
            }
            if (i == 1_000) memoryAt1000 = ResidentBytes();
        }
        long memoryAt10000 = ResidentBytes();

        Assert.That(_library.LiveHandles(), Is.EqualTo(handlesBefore), "handles open after every set was disposed");
        Assert.That(memoryAt10000 - memoryAt1000, Is.LessThan(8L << 20), $"resident memory grew from {memoryAt1000 >> 20} MB to {memoryAt10000 >> 20} MB");
    }

    private static void Expect(TestDelegate call, string function, int? errno, string argument)
    {
        var e = Assert.Throws<XrtException>(call);
        Assert.That(e!.Call, Is.EqualTo(function), e.Message);
        if (errno is not null) Assert.That(e.ErrorNumber, Is.EqualTo(errno), e.Message);
        Assert.That(e.Message, Does.StartWith(function + "(").And.Contain(argument).And.Contain("failed"));
    }

    private string FakeXclbin(string name, string library)
    {
        var path = _directory.File(name);
        XclbinFile.WriteSoftwareEmulation(path, Guid.NewGuid(), new Dictionary<string, string>
        {
            ["kernel"] = XrtAccelerator.KernelName,
            ["abi"] = "quasar_gemm/v2",
            ["library"] = library,
        });
        return path;
    }

    private static byte[] Pattern(int seed)
    {
        var bytes = new byte[Bytes];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    private static long ResidentBytes()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        using var process = System.Diagnostics.Process.GetCurrentProcess();
        return process.WorkingSet64;
    }

    /// <summary>The five buffers of the kernel, of <see cref="Words"/> words each.</summary>
    private sealed class BufferSet : IDisposable
    {
        public BufferSet(XrtDevice device, XrtKernel kernel)
        {
            A = XrtBuffer.Allocate(device, Bytes, kernel.ArgumentGroup(0));
            W = XrtBuffer.Allocate(device, Bytes, kernel.ArgumentGroup(1));
            Rows = XrtBuffer.Allocate(device, Bytes, kernel.ArgumentGroup(2));
            Out0 = XrtBuffer.Allocate(device, Bytes, kernel.ArgumentGroup(3));
            Out1 = XrtBuffer.Allocate(device, Bytes, kernel.ArgumentGroup(4));
        }

        public XrtBuffer A { get; }

        public XrtBuffer W { get; }

        public XrtBuffer Rows { get; }

        public XrtBuffer Out0 { get; }

        public XrtBuffer Out1 { get; }

        public void Upload(byte[] a, byte[] w)
        {
            A.Write(a);
            A.SyncToDevice();
            W.Write(w);
            W.SyncToDevice();
        }

        public byte[] Download(XrtBuffer buffer)
        {
            var bytes = new byte[Bytes];
            buffer.SyncFromDevice();
            buffer.Read(bytes);
            return bytes;
        }

        /// <summary>A run with every argument set: the buffers, batches = <see cref="Words"/>, the other scalars 1, flags.</summary>
        public XrtRun OpenRun(XrtKernel kernel, int flags)
        {
            var run = XrtRun.Open(kernel);
            XrtBuffer[] buffers = [A, W, Rows, Out0, Out1];
            for (int i = 0; i < buffers.Length; i++) run.SetArgument(i, buffers[i]);
            run.SetArgument(5, Words);
            for (int i = 6; i < 13; i++) run.SetArgument(i, 1);
            run.SetArgument(13, flags);
            return run;
        }

        public void Dispose()
        {
            A.Dispose();
            W.Dispose();
            Rows.Dispose();
            Out0.Dispose();
            Out1.Dispose();
        }
    }
}
