namespace Quasar.HwGen.Tests.RuntimeApp;

/// <summary>What a test that needs an installable tool does without it.</summary>
internal enum MissingToolOutcome
{
    /// <summary>Under CI: the install step should have provided it, so its absence is a failure.</summary>
    Fail,

    /// <summary>On a developer's machine: the test is ignored, with the install hint.</summary>
    Ignore,
}
