/** The email channel: SMTP through Spring Mail, one multipart message per notification. */
package io.lodestone.alert.notify.email;
