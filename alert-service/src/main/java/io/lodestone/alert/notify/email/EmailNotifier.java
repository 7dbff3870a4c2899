package io.lodestone.alert.notify.email;

import io.lodestone.alert.AlertProperties;
import io.lodestone.alert.notify.Channel;
import io.lodestone.alert.notify.Notification;
import io.lodestone.alert.notify.Notifier;
import io.lodestone.alert.notify.SendOutcome;
import io.lodestone.alert.subscription.Subscription;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/** One multipart (plain text + HTML) email per notification, to all of the subscription's addresses. */
@Component
class EmailNotifier implements Notifier {

    static final String DELIVERY_HEADER = "X-Lodestone-Delivery";

    private final ObjectProvider<JavaMailSender> mail;
    private final AlertProperties properties;
    private final EmailRenderer renderer = new EmailRenderer();

    EmailNotifier(ObjectProvider<JavaMailSender> mail, AlertProperties properties) {
        this.mail = mail;
        this.properties = properties;
        // one attempt by email ends within the same deadline as one over HTTP
        mail.ifAvailable(sender -> {
            if (sender instanceof JavaMailSenderImpl impl) {
                DeadlineSocketFactory.install(impl, properties.delivery().timeout());
            }
        });
    }

    @Override
    public Channel channel() {
        return Channel.EMAIL;
    }

    @Override
    public SendOutcome send(Notification notification, Subscription subscription, UUID deliveryId) {
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            return new SendOutcome.Refused("email is not configured (spring.mail.host)");
        }
        if (subscription.spec().channels().email() == null) {
            return new SendOutcome.Refused("the subscription no longer has an email channel");
        }
        try {
            MimeMessage message = sender.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
            helper.setFrom(properties.email().from());
            helper.setTo(subscription.spec().channels().email().to().toArray(String[]::new));
            helper.setSubject(renderer.subject(notification));
            helper.setText(renderer.plainText(notification), renderer.html(notification));
            message.setHeader(DELIVERY_HEADER, deliveryId.toString());
            sender.send(message);
            return new SendOutcome.Delivered("accepted by SMTP server");
        } catch (MessagingException | MailParseException | MailPreparationException e) {
            return new SendOutcome.Refused("could not build the message: " + e.getMessage());
        } catch (MailAuthenticationException e) {
            return new SendOutcome.Unreachable("SMTP authentication failed");
        } catch (MailException e) {
            return new SendOutcome.Unreachable("SMTP: " + e.getMessage());
        }
    }
}
