using Hangfire.Logging;

namespace Bascule.Jobs.Hosting.JobLog;

/// <summary>
/// Hangfire's own log lines in the <c>serve</c> log (<see cref="LogWriter"/>: UTC, 24-hour clock, text or JSON). Hangfire's
/// coloured console provider writes local time on a 12-hour clock without AM/PM, so "05:02" in a night-time log could be
/// 17:02. Process-wide like every Hangfire log provider, and tied to no host, so it outlives any one of them.
/// </summary>
public sealed class HangfireLogProvider(LogLevel minimum, LogWriter log) : ILogProvider
{
    public ILog GetLogger(string name) => new Logger(name, minimum, log);

    private sealed class Logger(string name, LogLevel minimum, LogWriter log) : ILog
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

            log.Write(log.Entry(Level(logLevel), name, messageFunc()) with { Exception = exception?.ToString() });
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
