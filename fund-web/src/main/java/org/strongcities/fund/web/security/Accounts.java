package org.strongcities.fund.web.security;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;
import java.util.Optional;

/** Creates and reads sign-in accounts; passwords are only ever stored as hashes. */
@Service
public class Accounts {

    static final int MINIMUM_PASSWORD_LENGTH = 10;

    private static final RowMapper<Account> ACCOUNT = (rs, row) -> new Account(
            rs.getString("username"), rs.getString("display_name"), Role.valueOf(rs.getString("role")),
            rs.getString("city_id"), rs.getString("hub_id"), rs.getString("donor_id"), rs.getBoolean("enabled"));

    private final JdbcTemplate jdbc;
    private final PasswordEncoder passwordEncoder;

    public Accounts(JdbcTemplate jdbc, PasswordEncoder passwordEncoder) {
        this.jdbc = jdbc;
        this.passwordEncoder = passwordEncoder;
    }

    @Transactional
    public void create(Account account, String rawPassword) {
        checkPassword(rawPassword);
        try {
            jdbc.update("""
                    INSERT INTO account (username, display_name, password_hash, role, city_id, hub_id, donor_id, enabled)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
                    account.username(), account.displayName(), passwordEncoder.encode(rawPassword),
                    account.role().name(), account.cityId(), account.hubId(), account.donorId(), account.enabled());
        } catch (DuplicateKeyException e) {
            throw new IllegalArgumentException("The user name '" + account.username() + "' is taken: choose another.");
        }
    }

    public Optional<Account> find(String username) {
        return jdbc.query("SELECT * FROM account WHERE username = ?", ACCOUNT, username).stream().findFirst();
    }

    Optional<String> passwordHash(String username) {
        return jdbc.queryForList("SELECT password_hash FROM account WHERE username = ?", String.class, username)
                .stream().findFirst();
    }

    public List<Account> all() {
        return jdbc.query("SELECT * FROM account ORDER BY role, username", ACCOUNT);
    }

    public boolean any() {
        Integer count = jdbc.queryForObject("SELECT count(*) FROM account", Integer.class);
        return count != null && count > 0;
    }

    @Transactional
    public void changePassword(String username, String currentPassword, String newPassword) {
        String hash = passwordHash(username)
                .orElseThrow(() -> new IllegalArgumentException("No account named '" + username + "'."));
        if (!passwordEncoder.matches(currentPassword, hash)) {
            throw new IllegalArgumentException("The current password is wrong: type the password you signed in with.");
        }
        if (newPassword.equals(currentPassword)) {
            throw new IllegalArgumentException("The new password is the same as the current one: choose a new one.");
        }
        checkPassword(newPassword);
        jdbc.update("UPDATE account SET password_hash = ?, password_changed_at = now() WHERE username = ?",
                passwordEncoder.encode(newPassword), username);
    }

    @Transactional
    public void setEnabled(String username, boolean enabled) {
        jdbc.update("UPDATE account SET enabled = ? WHERE username = ?", enabled, username);
    }

    private static void checkPassword(String rawPassword) {
        if (rawPassword == null || rawPassword.length() < MINIMUM_PASSWORD_LENGTH) {
            throw new IllegalArgumentException("A password needs at least " + MINIMUM_PASSWORD_LENGTH + " characters.");
        }
    }
}
