using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace Quasar.Runtime.App;

/// <summary>
/// The generic host of a run: configuration (appsettings.json next to the application or the <c>--settings</c> file,
/// then <c>QUASAR_</c> environment variables, then the command line), console logging to stderr (stdout carries only
/// results), and systemd integration when started by systemd.
/// </summary>
internal static class RunHost
{
    public const string SettingsFileName = "appsettings.json";

    public const string EnvironmentPrefix = "QUASAR_";

    public static IHost Build(RunArguments.Given given)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = AppContext.BaseDirectory });
        var settingsFile = given.SettingsFile ?? Path.Combine(AppContext.BaseDirectory, SettingsFileName);
        if (given.SettingsFile is not null && !File.Exists(settingsFile))
            throw new FileNotFoundException($"--settings {settingsFile}: file not found; give a JSON settings file (see {SettingsFileName} next to quasar-run)", settingsFile);
        try
        {
            builder.Configuration.AddJsonFile(settingsFile, optional: true, reloadOnChange: false);
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"{settingsFile}: not valid JSON ({e.InnerException?.Message ?? e.Message}); fix the file or remove it", e);
        }
        builder.Configuration.AddEnvironmentVariables(EnvironmentPrefix);
        builder.Configuration.AddInMemoryCollection(given.Overrides);

        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Logging.AddConfiguration(builder.Configuration.GetSection("Logging"));
        builder.Logging.AddSimpleConsole(format =>
        {
            format.SingleLine = true;
            format.TimestampFormat = "HH:mm:ss ";
        });
        builder.Services.Configure<ConsoleLoggerOptions>(console => console.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Services.AddSystemd();
        return builder.Build();
    }

    /// <summary>The merged <see cref="RunSettings"/>; a value that does not convert names its key.</summary>
    public static RunSettings Settings(IHost host)
    {
        var section = host.Services.GetRequiredService<IConfiguration>().GetSection(RunSettings.Section);
        try
        {
            return section.Get<RunSettings>() ?? new RunSettings();
        }
        catch (InvalidOperationException e)
        {
            throw new UsageException($"{e.Message.TrimEnd('.')}: fix it in {SettingsFileName}, the environment ({EnvironmentPrefix}Run__<Key>) or on the command line");
        }
    }
}
