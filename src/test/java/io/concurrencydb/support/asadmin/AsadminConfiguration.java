package io.concurrencydb.support.asadmin;

import org.jboss.arquillian.container.spi.ConfigurationException;
import org.jboss.arquillian.container.spi.client.container.ContainerConfiguration;

/** The {@code payara-server} container of arquillian.xml: which installation, domain and HTTP port. */
public class AsadminConfiguration implements ContainerConfiguration {

    private String payaraHome;
    private String domain = "domain1";
    private int httpPort = 8080;

    @Override
    public void validate() throws ConfigurationException {
        if (payaraHome == null || payaraHome.isBlank()) {
            throw new ConfigurationException("payaraHome is required");
        }
    }

    public String getPayaraHome() {
        return payaraHome;
    }

    public void setPayaraHome(String payaraHome) {
        this.payaraHome = payaraHome;
    }

    public String getDomain() {
        return domain;
    }

    public void setDomain(String domain) {
        this.domain = domain;
    }

    public int getHttpPort() {
        return httpPort;
    }

    public void setHttpPort(int httpPort) {
        this.httpPort = httpPort;
    }
}
