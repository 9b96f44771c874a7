package io.concurrencydb.support.asadmin;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.spi.client.container.DeployableContainer;
import org.jboss.arquillian.container.spi.client.container.DeploymentException;
import org.jboss.arquillian.container.spi.client.container.LifecycleException;
import org.jboss.arquillian.container.spi.client.protocol.ProtocolDescription;
import org.jboss.arquillian.container.spi.client.protocol.metadata.HTTPContext;
import org.jboss.arquillian.container.spi.client.protocol.metadata.ProtocolMetaData;
import org.jboss.arquillian.container.spi.client.protocol.metadata.Servlet;
import org.jboss.shrinkwrap.api.Archive;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;

/**
 * Runs the suite on a Payara Server domain with the same asadmin commands an operator uses: start-domain,
 * deploy, undeploy, stop-domain. Payara's own server adapter (arquillian-payara-server-managed 2.5) needs a
 * patched Jersey that only Payara's repository serves, and the tests only talk HTTP to the deployment.
 * The domain inherits this JVM's environment, so DB_URL and the rest reach its ${ENV=...} pool properties.
 */
public class AsadminContainer implements DeployableContainer<AsadminConfiguration> {

    private static final long TIMEOUT_SECONDS = 300;
    private static final File LOG = new File("target/asadmin.log");

    private AsadminConfiguration configuration;

    @Override
    public Class<AsadminConfiguration> getConfigurationClass() {
        return AsadminConfiguration.class;
    }

    @Override
    public void setup(AsadminConfiguration configuration) {
        this.configuration = configuration;
    }

    @Override
    public void start() throws LifecycleException {
        domain("start-domain");
    }

    @Override
    public void stop() throws LifecycleException {
        domain("stop-domain");
    }

    private void domain(String command) throws LifecycleException {
        try {
            asadmin(command, configuration.getDomain());
        } catch (IOException e) {
            throw new LifecycleException(command + " " + configuration.getDomain() + " failed", e);
        }
    }

    @Override
    public ProtocolDescription getDefaultProtocol() {
        return new ProtocolDescription("Local");
    }

    @Override
    public ProtocolMetaData deploy(Archive<?> archive) throws DeploymentException {
        try {
            Path war = Files.createTempDirectory("asadmin-deploy").resolve(archive.getName());
            archive.as(ZipExporter.class).exportTo(war.toFile());
            asadmin("deploy", "--force=true", "--name", name(archive), "--contextroot", "/", war.toString());
            Files.delete(war);
        } catch (IOException e) {
            throw new DeploymentException("could not deploy " + archive.getName(), e);
        }
        HTTPContext http = new HTTPContext("127.0.0.1", configuration.getHttpPort());
        http.add(new Servlet("default", "/"));
        return new ProtocolMetaData().addContext(http);
    }

    @Override
    public void undeploy(Archive<?> archive) throws DeploymentException {
        try {
            asadmin("undeploy", name(archive));
        } catch (IOException e) {
            throw new DeploymentException("could not undeploy " + archive.getName(), e);
        }
    }

    private static String name(Archive<?> archive) {
        return archive.getName().replaceFirst("\\.war$", "");
    }

    /**
     * Runs one asadmin command; a non-zero exit is a failure. Its output is appended to target/asadmin.log:
     * written to this JVM's stdout it would corrupt failsafe's channel to the forked test JVM.
     */
    private void asadmin(String... arguments) throws IOException {
        List<String> command = new ArrayList<>(List.of("sh",
                configuration.getPayaraHome() + File.separator + "bin" + File.separator + "asadmin",
                "--interactive=false"));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(LOG)).start();
        try {
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("asadmin " + arguments[0] + " took over " + TIMEOUT_SECONDS + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted during asadmin " + arguments[0], e);
        }
        if (process.exitValue() != 0) {
            throw new IOException("asadmin " + String.join(" ", arguments) + " exited with " + process.exitValue()
                    + "; see " + LOG);
        }
    }
}
