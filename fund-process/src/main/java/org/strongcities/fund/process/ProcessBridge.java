package org.strongcities.fund.process;

import org.camunda.bpm.engine.RuntimeService;

/**
 * What every event-to-process bridge holds. Subclasses are Axon event handlers in the
 * {@link HandledEvents#PROCESSING_GROUP} processing group, which the web app runs as a
 * subscribing processor so that each event and its process step commit in one transaction; each
 * handler first asks {@link HandledEvents#firstDelivery} so that a re-delivered event does nothing.
 */
public abstract class ProcessBridge {

    protected final RuntimeService runtimeService;
    protected final CityDirectory cityDirectory;
    protected final HandledEvents handledEvents;

    protected ProcessBridge(RuntimeService runtimeService, CityDirectory cityDirectory, HandledEvents handledEvents) {
        this.runtimeService = runtimeService;
        this.cityDirectory = cityDirectory;
        this.handledEvents = handledEvents;
    }
}
