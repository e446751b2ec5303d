<?php
// Symfony 5.4 components from Debian (php-symfony-validator, -serializer, -error-handler): a DTO validated
// with Assert constraints (Valid for the nested address and items), answered the way Symfony and API Platform
// answer a failed validation: the Serializer's ConstraintViolationListNormalizer as application/problem+json,
// 422. Malformed JSON and the 404 go through the Serializer's ProblemNormalizer (Symfony's JSON error pages).
// Run with `php -S 127.0.0.1:PORT symfony.php`.
foreach (['Validator', 'Serializer', 'PropertyAccess', 'ErrorHandler', 'HttpFoundation'] as $component) {
    require_once "/usr/share/php/Symfony/Component/$component/autoload.php";
}

use Symfony\Component\ErrorHandler\Exception\FlattenException;
use Symfony\Component\Serializer\Encoder\JsonEncoder;
use Symfony\Component\Serializer\Exception\NotEncodableValueException;
use Symfony\Component\Serializer\Normalizer\ConstraintViolationListNormalizer;
use Symfony\Component\Serializer\Normalizer\ProblemNormalizer;
use Symfony\Component\Serializer\Serializer;
use Symfony\Component\Validator\Constraints as Assert;
use Symfony\Component\Validator\Mapping\ClassMetadata;
use Symfony\Component\Validator\Validation;

class Address {
    public $city;
    public static function loadValidatorMetadata(ClassMetadata $metadata) {
        $metadata->addPropertyConstraint('city', new Assert\NotBlank());
    }
}
class Item {
    public $qty;
    public static function loadValidatorMetadata(ClassMetadata $metadata) {
        $metadata->addPropertyConstraint('qty', new Assert\GreaterThanOrEqual(1));
    }
}
class User {
    public $name;
    public $email;
    public $address;
    public $items = [];
    public static function loadValidatorMetadata(ClassMetadata $metadata) {
        $metadata->addPropertyConstraint('name', new Assert\NotBlank());
        $metadata->addPropertyConstraint('email', new Assert\NotBlank());
        $metadata->addPropertyConstraint('email', new Assert\Email());
        $metadata->addPropertyConstraint('address', new Assert\NotNull());
        $metadata->addPropertyConstraint('address', new Assert\Valid());
        $metadata->addPropertyConstraint('items', new Assert\Valid());
    }
}

function send($status, $data, $type = 'application/problem+json') {
    http_response_code($status);
    header("Content-Type: $type");
    echo json_encode($data);
}

function problem($status) {
    // What Symfony's error controller renders for a JSON request (FlattenException + ProblemNormalizer).
    $serializer = new Serializer([new ProblemNormalizer(false)], [new JsonEncoder()]);
    send($status, $serializer->normalize(FlattenException::createFromThrowable(new \RuntimeException(), $status), 'json'));
}

$method = $_SERVER['REQUEST_METHOD'];
$path = parse_url($_SERVER['REQUEST_URI'], PHP_URL_PATH);
if ($method !== 'POST' || $path !== '/users') return problem(404);

try {
    $data = (new JsonEncoder())->decode(file_get_contents('php://input'), 'json');
} catch (NotEncodableValueException $e) {
    return problem(400);
}
$user = new User();
$user->name = $data['name'] ?? null;
$user->email = $data['email'] ?? null;
if (isset($data['address'])) { $user->address = new Address(); $user->address->city = $data['address']['city'] ?? null; }
foreach ($data['items'] ?? [] as $row) { $item = new Item(); $item->qty = $row['qty'] ?? null; $user->items[] = $item; }

$validator = Validation::createValidatorBuilder()->addMethodMapping('loadValidatorMetadata')->getValidator();
$violations = $validator->validate($user);
if (count($violations) > 0) {
    $serializer = new Serializer([new ConstraintViolationListNormalizer()], [new JsonEncoder()]);
    return send(422, $serializer->normalize($violations, 'json'));
}
send(201, $data, 'application/json');
