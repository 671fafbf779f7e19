package org.strongcities.fund.web.account;

/** The three fields of the password change. Never echoed back into the page. */
public class PasswordForm {

    private String currentPassword = "";
    private String newPassword = "";
    private String repeatPassword = "";

    public String getCurrentPassword() {
        return currentPassword;
    }

    public void setCurrentPassword(String currentPassword) {
        this.currentPassword = currentPassword == null ? "" : currentPassword;
    }

    public String getNewPassword() {
        return newPassword;
    }

    public void setNewPassword(String newPassword) {
        this.newPassword = newPassword == null ? "" : newPassword;
    }

    public String getRepeatPassword() {
        return repeatPassword;
    }

    public void setRepeatPassword(String repeatPassword) {
        this.repeatPassword = repeatPassword == null ? "" : repeatPassword;
    }
}
