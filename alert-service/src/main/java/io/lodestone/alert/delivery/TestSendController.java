package io.lodestone.alert.delivery;

import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/v1/subscriptions/{id}/test-send}: see {@link TestSends}. */
@RestController
class TestSendController {

    private final TestSends testSends;

    TestSendController(TestSends testSends) {
        this.testSends = testSends;
    }

    @PostMapping("/api/v1/subscriptions/{id}/test-send")
    List<TestSendResult> testSend(@PathVariable UUID id) {
        return testSends.send(id);
    }
}
