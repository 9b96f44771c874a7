package io.concurrencydb.support;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The WAR the build produced, deployed as is: the tests see exactly what users deploy. */
public final class Deployments {

    private Deployments() {
    }

    public static WebArchive productsWar() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File("target/products.war"));
    }
}
