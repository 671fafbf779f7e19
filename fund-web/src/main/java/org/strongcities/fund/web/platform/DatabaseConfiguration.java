package org.strongcities.fund.web.platform;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The embedded default: with no {@code spring.datasource.url} (SPRING_DATASOURCE_URL) the application
 * runs its own PostgreSQL; with one, Spring Boot's own data source configuration takes over and no
 * embedded server starts.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression(DatabaseConfiguration.NO_EXTERNAL_DATABASE)
public class DatabaseConfiguration {

    public static final String NO_EXTERNAL_DATABASE = "'${spring.datasource.url:}'.isEmpty()";

    @Bean(destroyMethod = "close")
    EmbeddedDatabase embeddedDatabase(FundProperties properties) {
        return EmbeddedDatabase.start(properties.dataDir(), properties.embeddedPort());
    }

    @Bean(destroyMethod = "close")
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(EmbeddedDatabase database) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setDriverClassName("org.postgresql.Driver");
        dataSource.setJdbcUrl(database.jdbcUrl());
        dataSource.setUsername(database.username());
        dataSource.setPoolName("fund-embedded");
        return dataSource;
    }
}
