package dev.brickwork.platform.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * Quarkus' own mapper reads JSON as {@link JsonBodies} does, should a resource ever take a bound body: exact
 * decimals, repeated keys refused.
 */
@Singleton
public class QuarkusJson implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        JsonBodies.configure(mapper);
    }
}
