package org.strongcities.fund.process.engine;

import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.springframework.stereotype.Component;

import javax.xml.datatype.DatatypeFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Three costs of Camunda's that profiling the benchmark's command load found, and that the engine's
 * settings do not reach. Camunda's Spring Boot starter applies every plugin bean to the engine.
 */
@Component
public class ProcessEngineTuning extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        DefaultDmnEngineConfiguration dmn = configuration.getDmnEngineConfiguration() != null
                ? configuration.getDmnEngineConfiguration()
                : (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
        dmn.setFeelEngineFactory(ParsedOnceFeelEngine.factory(configuration::getDmnFeelCustomFunctionProviders));
        configuration.setDmnEngineConfiguration(dmn);
        namePlatformDatatypeFactory();
        List<SessionFactory> sessions = new ArrayList<>(Optional.ofNullable(configuration.getCustomSessionFactories()).orElse(List.of()));
        sessions.add(IdCheckedEntityManager.factory(configuration));
        configuration.setCustomSessionFactories(sessions);
    }

    /**
     * Camunda creates a DatatypeFactory for every timer it schedules (each review deadline). Unless
     * the implementation is named, each creation searches every jar on the class path for a provider;
     * there is none besides the JDK's own, which this names. A deployment that names another keeps it.
     */
    static void namePlatformDatatypeFactory() {
        if (System.getProperty(DatatypeFactory.DATATYPEFACTORY_PROPERTY) == null) {
            System.setProperty(DatatypeFactory.DATATYPEFACTORY_PROPERTY, DatatypeFactory.DATATYPEFACTORY_IMPLEMENTATION_CLASS);
        }
    }
}
