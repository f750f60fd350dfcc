using System.Net;
using System.Net.Sockets;

namespace Bascule.TestSupport;

/// <summary>A TCP port free on loopback at the moment of asking, for a server a test starts.</summary>
public static class LoopbackPort
{
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
