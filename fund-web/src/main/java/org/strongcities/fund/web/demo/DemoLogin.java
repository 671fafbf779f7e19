package org.strongcities.fund.web.demo;

/** One demo account as shown on the sign-in page and printed at start-up. */
public record DemoLogin(String username, String role, String actsFor) {
    public static final String PASSWORD = "demo-password";
}
