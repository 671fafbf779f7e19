package org.strongcities.fund.web.security;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;

import java.util.List;

/** The signed-in person: Spring Security's user plus the account's role and the object it is bound to. */
public class FundUser extends User {

    private final Account account;

    FundUser(Account account, String passwordHash) {
        super(account.username(), passwordHash, account.enabled(), true, true, true,
                List.of(new SimpleGrantedAuthority(account.role().authority())));
        this.account = account;
    }

    public Account account() {
        return account;
    }

    public Role role() {
        return account.role();
    }

    public String displayName() {
        return account.displayName();
    }
}
