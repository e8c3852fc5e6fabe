// Runs DynamoDB Local listening on one address only. DynamoDB Local has no
// option for the address: its Jetty server listens on every interface, and it
// accepts any credentials, so anyone on the network could read the table. This
// launcher builds the server from the usual command-line options, sets the host
// on its connector before it starts, and starts it.
//
//   java -Djava.library.path=<lib> -cp DynamoDBLocal.jar BindDynamoDbLocal.java <host> [DynamoDB Local options]
//
// Run as a single source file (JEP 330: `java` compiles it in memory); see
// infra/local/dynamodb.ts.
//
// It also exits when its standard input closes. The Node process that started it
// holds the other end of that pipe, and the kernel closes it when that process
// ends for any reason, `kill -9` included: DynamoDB Local never outlives its stack.
import java.lang.reflect.Field;
import java.util.Arrays;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import software.amazon.dynamodb.services.local.main.ServerRunner;
import software.amazon.dynamodb.services.local.server.DynamoDBProxyServer;

public class BindDynamoDbLocal {
  public static void main(String[] args) throws Exception {
    if (args.length < 1) {
      System.err.println("usage: BindDynamoDbLocal <host> [DynamoDB Local options]");
      System.exit(2);
    }
    Thread parentWatch =
        new Thread(
            () -> {
              try {
                while (System.in.read() != -1) {
                  // Nothing is sent on the pipe; only its end matters.
                }
              } catch (java.io.IOException e) {
                // A broken pipe means the same: the parent is gone.
              }
              System.exit(0);
            },
            "parent-watch");
    parentWatch.setDaemon(true);
    parentWatch.start();
    String host = args[0];
    DynamoDBProxyServer proxy =
        ServerRunner.createServerFromCommandLineArgs(Arrays.copyOfRange(args, 1, args.length));
    Field field = DynamoDBProxyServer.class.getDeclaredField("server");
    field.setAccessible(true);
    Server server = (Server) field.get(proxy);
    Connector[] connectors = server.getConnectors();
    if (connectors.length == 0) throw new IllegalStateException("DynamoDB Local has no connector to bind");
    for (Connector connector : connectors) ((ServerConnector) connector).setHost(host);
    proxy.start();
    System.out.println("DynamoDB Local listening on " + host);
    proxy.join();
  }
}
