package io.concurrencydb.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An HTTP test against the WAR the build produced, deployed as is on a server Arquillian starts: the tests see
 * exactly what users deploy. Each test class boots one server, so keep them few.
 */
@ExtendWith(ArquillianExtension.class)
public abstract class DeployedService {

    @ArquillianResource
    URL deployment;

    protected Api api;

    @Deployment(testable = false)
    public static WebArchive productsWar() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File("target/products.war"));
    }

    /** Prism in front of this class's deployment when the suite runs with it (see {@link ValidatingProxy}). */
    private static ValidatingProxy proxy;

    @BeforeEach
    void client() throws IOException, InterruptedException {
        if (ValidatingProxy.wanted(getClass()) && proxy == null) {
            proxy = ValidatingProxy.start(deployment, getClass().getSimpleName());
        }
        api = new Api(proxy == null ? deployment : proxy.url());
    }

    @AfterAll
    static void everyResponseAsDocumented() throws IOException {
        if (proxy != null) {
            try (ValidatingProxy closing = proxy) {
                proxy = null;
                assertEquals(List.of(), closing.violations(), "responses the OpenAPI document does not declare");
            }
        }
    }

    /** The deployment itself, never through Prism: for the pages beside the API, which its document leaves out. */
    protected Api direct() {
        return new Api(deployment);
    }

    /** The port the server listens on, for tests that talk raw HTTP. */
    protected int port() {
        return deployment.getPort();
    }
}
