package io.concurrencydb.support.asadmin;

import org.jboss.arquillian.container.spi.client.container.DeployableContainer;
import org.jboss.arquillian.core.spi.LoadableExtension;

/** Registered only by the payara-server profile (src/test/payara-server/META-INF/services). */
public class AsadminExtension implements LoadableExtension {

    @Override
    public void register(ExtensionBuilder builder) {
        builder.service(DeployableContainer.class, AsadminContainer.class);
    }
}
