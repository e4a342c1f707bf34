using System.Runtime.InteropServices;

namespace Quasar.Runtime.Xrt;

/// <summary>A failed XRT call (or an XRT library that cannot be used): the message names the call, its arguments and errno.</summary>
public sealed class XrtException : Exception
{
    public XrtException(string message)
        : base(message)
    {
    }

    public XrtException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public XrtException()
    {
    }

    /// <summary>The C function that failed, or null for a library that could not be used.</summary>
    public string? Call { get; private init; }

    /// <summary>errno after the call (0 when XRT did not set it).</summary>
    public int ErrorNumber { get; private init; }

    internal static XrtException Failed(string call, string arguments, int errno, string? detail, string library)
    {
        string reason = errno == 0 ? "no errno" : $"errno {errno} ({Marshal.GetPInvokeErrorMessage(errno)})";
        string message = $"{call}({arguments}) failed: {reason}" + (detail is null ? $" [{library}]" : $": {detail}");
        return new XrtException(message) { Call = call, ErrorNumber = errno };
    }
}
