package io.dunhub.core.mapping.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.dunhub.core.mapping.FieldType;
import io.dunhub.core.model.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Set;

/**
 * {@code money}: an amount and a currency. The currency is a constant ({@code currency: USD}) or a
 * field of the record ({@code currency: {field: CurrencyIsoCode, default: USD}}; the path is from
 * the record's root, also inside {@code each}). With {@code scale}, the amount is rounded with
 * {@code rounding} (default {@code HALF_EVEN}); without, the host's digits are kept.
 */
final class MoneyTransform implements Transform {
  private final Currency constant;
  private final HostPath currencyField;
  private final Currency fallback;
  private final Integer scale;
  private final RoundingMode rounding;

  MoneyTransform(
      Currency constant,
      HostPath currencyField,
      Currency fallback,
      Integer scale,
      RoundingMode rounding) {
    this.constant = constant;
    this.currencyField = currencyField;
    this.fallback = fallback;
    this.scale = scale;
    this.rounding = rounding;
  }

  @Override
  public String name() {
    return "money";
  }

  @Override
  public Set<FieldType> accepts() {
    return Set.of(FieldType.DECIMAL, FieldType.INTEGER, FieldType.STRING, FieldType.ANY);
  }

  @Override
  public Object read(JsonNode[] values, RecordContext ctx) throws TransformFailure {
    JsonNode node = values[0];
    String text = Transform.text(node);
    if (text == null) {
      return null;
    }
    BigDecimal amount;
    try {
      amount = node.isNumber() ? node.decimalValue() : new BigDecimal(text.trim());
    } catch (NumberFormatException e) {
      throw new TransformFailure(text, "not an amount");
    }
    return money(amount, ctx);
  }

  /** Money in this rule's currency for the record (also used for a default amount). */
  Money money(BigDecimal amount, RecordContext ctx) throws TransformFailure {
    if (scale != null) {
      try {
        amount = amount.setScale(scale, rounding);
      } catch (ArithmeticException e) {
        throw new TransformFailure(amount.toPlainString(), "has more than " + scale + " decimals");
      }
    }
    return new Money(amount, currency(ctx));
  }

  private Currency currency(RecordContext ctx) throws TransformFailure {
    if (constant != null) {
      return constant;
    }
    JsonNode code = currencyField.read(ctx.root);
    String text = Transform.text(code);
    if (text == null) {
      if (fallback != null) {
        return fallback;
      }
      throw new TransformFailure("", "the currency field " + currencyField + " is empty");
    }
    try {
      return Money.currency(text);
    } catch (IllegalArgumentException e) {
      throw new TransformFailure(text, "unknown currency code in " + currencyField);
    }
  }

  @Override
  public JsonNode write(Object value, RecordContext ctx) throws TransformFailure {
    if (!(value instanceof Money m)) {
      throw new TransformFailure(String.valueOf(value), "not money");
    }
    if (constant != null && !constant.equals(m.currency())) {
      throw new TransformFailure(
          m.toString(),
          "is not in " + constant.getCurrencyCode() + ", the currency this rule writes");
    }
    BigDecimal amount = m.amount();
    if (scale != null) {
      amount = amount.setScale(scale, rounding);
    }
    return JSON.numberNode(amount);
  }
}
