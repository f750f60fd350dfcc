using Microsoft.Extensions.Logging;

namespace Bascule.Jobs.Hosting.JobLog;

/// <summary>
/// The host's own log (ASP.NET Core, the generic host) in the same <c>serve</c> log as Hangfire's and the jobs': one
/// line per entry, not the console logger's two, and JSON under <c>--log-format json</c>.
/// </summary>
public sealed class HostLoggerProvider(LogWriter log) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, log);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, LogWriter log) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(
            LogLevel logLevel,
            EventId eventId,
            TState state,
            Exception? exception,
            Func<TState, Exception?, string> formatter)
        {
            ArgumentNullException.ThrowIfNull(formatter);
            if (!IsEnabled(logLevel))
            {
                return;
            }

            log.Write(log.Entry(Level(logLevel), category, formatter(state, exception)) with { Exception = exception?.ToString() });
        }

        private static string Level(LogLevel level) => level switch
        {
            LogLevel.Trace => "TRACE",
            LogLevel.Debug => "DEBUG",
            LogLevel.Information => "INFO",
            LogLevel.Warning => "WARN",
            LogLevel.Error => "ERROR",
            _ => "FATAL",
        };
    }
}
