// NestJS 12 (platform-express) with a global ValidationPipe and class-validator DTOs, as Nest's
// "Validation" docs show. Plain JS: the decorators are applied with Reflect.decorate, and the
// `design:paramtypes` metadata TypeScript's emitDecoratorMetadata would emit is written by hand.
import 'reflect-metadata';
import { Body, Controller, Module, Post, ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Type } from 'class-transformer';
import { IsEmail, IsInt, IsNotEmpty, IsOptional, IsString, Min, ValidateNested } from 'class-validator';

const prop = (target, key, ...decorators) => Reflect.decorate(decorators, target.prototype, key);

class AddressDto {}
prop(AddressDto, 'city', IsString(), IsNotEmpty());

class ItemDto {}
prop(ItemDto, 'qty', IsInt(), Min(1));

class CreateUserDto {}
prop(CreateUserDto, 'name', IsString(), IsNotEmpty());
prop(CreateUserDto, 'email', IsEmail());
prop(CreateUserDto, 'address', ValidateNested(), Type(() => AddressDto));
prop(CreateUserDto, 'items', IsOptional(), ValidateNested({ each: true }), Type(() => ItemDto));

class UsersController {
  create(user) {
    return user;
  }
}
Reflect.defineMetadata('design:paramtypes', [CreateUserDto], UsersController.prototype, 'create');
Body()(UsersController.prototype, 'create', 0);
Reflect.decorate([Post()], UsersController.prototype, 'create', Object.getOwnPropertyDescriptor(UsersController.prototype, 'create'));
Reflect.decorate([Controller('users')], UsersController);

class AppModule {}
Reflect.decorate([Module({ controllers: [UsersController] })], AppModule);

const app = await NestFactory.create(AppModule, { logger: false });
app.useGlobalPipes(new ValidationPipe());
await app.listen(Number(process.env.PORT), '127.0.0.1');
