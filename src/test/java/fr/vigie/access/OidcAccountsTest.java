package fr.vigie.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.vigie.BadInputException;
import fr.vigie.app.Config;
import fr.vigie.store.Store;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The accounts OpenID Connect sign-in makes: found again by identity, named apart from local accounts. */
class OidcAccountsTest {
    @TempDir
    Path data;

    Store store;
    Access access;

    @BeforeEach
    void open() {
        store = Store.open(Config.defaults().withDataDir(data).withJdbcUrl(null));
        access = Access.of(store);
    }

    @AfterEach
    void close() {
        store.close();
    }

    static String identity(char c) {
        return String.valueOf(c).repeat(64);
    }

    @Test
    void localAccountCannotTakeANameKeptForOidcSignIn() {
        assertThatThrownBy(
                        () -> access.addUser("oidc.alice", Role.ADMIN, "a long enough password".toCharArray(), "test"))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("OpenID Connect");
    }

    @Test
    void accountIsFoundAgainByItsIdentityAndTakesTheRoleMappedNow() {
        var first = access.signInOidc(identity('a'), "Zoé Dupont", Role.ANALYST);
        var again = access.signInOidc(identity('a'), "zdupont", Role.SUPERVISOR);

        assertThat(((Access.OidcSignIn.Granted) first).session().who().name()).isEqualTo("oidc.zoe-dupont");
        Access.SignedIn second = ((Access.OidcSignIn.Granted) again).session();
        assertThat(second.who().name()).isEqualTo("oidc.zoe-dupont");
        assertThat(access.session(second.sessionToken()).orElseThrow().role()).isEqualTo(Role.SUPERVISOR);
        assertThat(store.accounts().account("oidc.zoe-dupont").orElseThrow().oidcIdentity())
                .contains(identity('a'));
    }

    @Test
    void sameUserNameFromAnotherIdentityGetsAnAccountOfItsOwn() {
        access.signInOidc(identity('b'), "sam", Role.ANALYST);
        var other = access.signInOidc(identity('c'), "sam", Role.DPO);

        Access.SignedIn session = ((Access.OidcSignIn.Granted) other).session();
        assertThat(session.who().name()).isEqualTo("oidc.sam-cccccc");
        assertThat(session.who().role()).isEqualTo(Role.DPO);
        assertThat(store.accounts().account("oidc.sam").orElseThrow().role()).isEqualTo("analyst");
    }

    @Test
    void disabledAccountIsRefusedAtItsNextOidcSignIn() {
        access.signInOidc(identity('d'), "dora", Role.ANALYST);
        access.disable("oidc.dora", "test");

        assertThat(access.signInOidc(identity('d'), "dora", Role.ANALYST))
                .isEqualTo(new Access.OidcSignIn.Refused(Access.OidcRefusal.ACCOUNT_DISABLED));
    }

    @Test
    void userNameWithNothingUsableIsNamedAfterTheIdentity() {
        assertThat(Access.oidcName("@@@", identity('e'))).isEqualTo("oidc.eeeeeeeeeeee");
        assertThat(Access.oidcName("x".repeat(100), identity('e'))).hasSize(64);
    }
}
