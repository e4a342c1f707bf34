namespace Quasar.Runtime.Xrt.Native;

/// <summary>xclBOSyncDirection.</summary>
public enum SyncDirection
{
    ToDevice = 0,
    FromDevice = 1,
}

/// <summary>ert_cmd_state: what a run reports.</summary>
public enum RunState
{
    New = 1,
    Queued = 2,
    Running = 3,
    Completed = 4,
    Error = 5,
    Abort = 6,
    Submitted = 7,
    Timeout = 8,
    NoResponse = 9,
    SoftKernelError = 10,
    SoftKernelCrashed = 11,
}
