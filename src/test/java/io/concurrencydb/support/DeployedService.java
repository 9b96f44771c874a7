package io.concurrencydb.support;

import java.io.File;
import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
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

    @BeforeEach
    void client() {
        api = new Api(deployment);
    }

    /** The port the server listens on, for tests that talk raw HTTP. */
    protected int port() {
        return deployment.getPort();
    }
}
