package dev.oponn.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PathTemplateTests {

    private static final String ID = "wxYhwssd8R7Q1VNl60ns8w";
    private static final String KEY = "Zr3Pq8vXk2mN5tY7wA1bC4dE6fG9hJ0kL2nP4qR6sT8";

    @Test
    void keepsTheWordsOfOponnsRoutesAndHidesEverythingElse() {
        assertThat(PathTemplate.of("/vote/" + ID)).isEqualTo("/vote/*");
        assertThat(PathTemplate.of("/ballots/" + ID + "/live-results")).isEqualTo("/ballots/*/live-results");
        assertThat(PathTemplate.of("/manage/" + ID + "/" + KEY)).isEqualTo("/manage/*/*");
        assertThat(PathTemplate.of("/auth/login/github")).isEqualTo("/auth/login/github");
        assertThat(PathTemplate.of("/")).isEqualTo("/");
        assertThat(PathTemplate.of("")).isEqualTo("/");
    }

    @Test
    void aManageLinkWithATrailingSlashDotOrSuffixStillHidesItsKey() {
        assertThat(PathTemplate.of("/manage/" + ID + "/" + KEY + "/")).isEqualTo("/manage/*/*/");
        assertThat(PathTemplate.of("/manage/" + ID + "/" + KEY + ".")).isEqualTo("/manage/*/*");
        assertThat(PathTemplate.of("/manage/" + ID + "//" + KEY)).isEqualTo("/manage/*//*");
        assertThat(PathTemplate.of("/manage/" + ID + "/" + KEY + ";jsessionid=1"))
                .isEqualTo("/manage/*/*");
    }

    @Test
    void aRouteWordWithAnythingAddedIsNoLongerAWord() {
        assertThat(PathTemplate.of("/vote." + ID)).isEqualTo("/*");
        assertThat(PathTemplate.of("/wp-admin/setup-config.php")).isEqualTo("/*/*");
    }
}
