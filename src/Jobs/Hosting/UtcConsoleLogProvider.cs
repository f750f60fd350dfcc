using System.Globalization;
using Hangfire.Logging;

namespace Bascule.Jobs.Hosting;

/// <summary>
/// Hangfire's own log lines on the console, stamped in UTC on the 24-hour clock. Hangfire's coloured console provider
/// writes local time on a 12-hour clock without AM/PM, so "05:02" in a night-time log could be 17:02. Process-wide like
/// every Hangfire log provider, and tied to no host, so it outlives any one of them.
/// </summary>
public sealed class UtcConsoleLogProvider(LogLevel minimum, TextWriter? writer = null, TimeProvider? clock = null) : ILogProvider
{
    private static readonly Lock Gate = new();

    public ILog GetLogger(string name) => new ConsoleLog(name, minimum, writer, clock ?? TimeProvider.System);

    private sealed class ConsoleLog(string name, LogLevel minimum, TextWriter? writer, TimeProvider clock) : ILog
    {
        public bool Log(LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null)
        {
            if (logLevel < minimum)
            {
                return false;
            }

            if (messageFunc is null)
            {
                return true;
            }

            var line = string.Create(CultureInfo.InvariantCulture, $"{clock.GetUtcNow():yyyy-MM-dd HH:mm:ss}Z [{Level(logLevel)}] ({name}) {messageFunc()}");
            var output = writer ?? Console.Out;
            lock (Gate)
            {
                output.WriteLine(line);
                if (exception is not null)
                {
                    output.WriteLine(exception);
                }
            }

            return true;
        }

        private static string Level(LogLevel level) => level switch
        {
            LogLevel.Trace => "TRACE",
            LogLevel.Debug => "DEBUG",
            LogLevel.Info => "INFO",
            LogLevel.Warn => "WARN",
            LogLevel.Error => "ERROR",
            _ => "FATAL",
        };
    }
}
