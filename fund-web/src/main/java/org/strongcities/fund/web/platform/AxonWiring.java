package org.strongcities.fund.web.platform;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.strongcities.fund.domain.FundDomain;
import org.strongcities.fund.process.HandledEvents;
import org.strongcities.fund.web.readmodel.DirectoryProjection;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

/**
 * Every event must say who caused it: the command gateway stamps each command with the signed-in
 * account and role, and the correlation providers copy that (and the causing message's ids) onto
 * every event the command produces.
 */
@Configuration(proxyBeanMethods = false)
public class AxonWiring {

    /** Registers every aggregate and cross-aggregate command handler of the domain. */
    @Bean
    ConfigurerModule fundDomain() {
        return new FundDomain();
    }

    /**
     * The subscribing groups run inside the transaction of the command whose events they handle.
     * Axon's default error handler would only log a failure there and let the event commit without
     * its process step or routing fact; propagating the error rolls the whole command back instead.
     */
    @Bean
    ConfigurerModule failTogetherInSubscribingGroups() {
        return configurer -> configurer.eventProcessing()
                .registerListenerInvocationErrorHandler(HandledEvents.PROCESSING_GROUP, c -> PropagatingErrorHandler.instance())
                .registerListenerInvocationErrorHandler(DirectoryProjection.GROUP, c -> PropagatingErrorHandler.instance());
    }

    @Bean
    CorrelationDataProvider messageOriginProvider() {
        return new MessageOriginProvider();
    }

    @Bean
    CorrelationDataProvider actorCorrelationProvider() {
        return new SimpleCorrelationDataProvider(ActorMetaData.ACTOR, ActorMetaData.ROLE, ActorMetaData.REASON);
    }

    @Bean
    MessageDispatchInterceptor<CommandMessage<?>> actorStampingInterceptor() {
        return new MessageDispatchInterceptor<>() {
            @Override
            public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(List<? extends CommandMessage<?>> messages) {
                return (index, command) -> command.andMetaData(actorOf(command));
            }
        };
    }

    private static Map<String, Object> actorOf(CommandMessage<?> command) {
        Map<String, Object> stamp = new HashMap<>();
        if (command.getMetaData().containsKey(ActorMetaData.ACTOR)) {
            return stamp;
        }
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.isAuthenticated()) {
            stamp.put(ActorMetaData.ACTOR, authentication.getName());
            stamp.put(ActorMetaData.ROLE, authentication.getAuthorities().stream()
                    .map(GrantedAuthority::getAuthority).collect(Collectors.joining(",")));
        } else {
            stamp.put(ActorMetaData.ACTOR, ActorMetaData.SYSTEM);
            stamp.put(ActorMetaData.ROLE, ActorMetaData.SYSTEM);
        }
        return stamp;
    }
}
